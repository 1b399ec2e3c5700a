/* Build tool: turns data files into C arrays so the binary carries its lexicons.
 * usage: embed NAME FILE [NAME FILE ...] > lexdata.c */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 3 || argc % 2 == 0) {
        fprintf(stderr, "usage: embed NAME FILE [NAME FILE ...]\n");
        return 2;
    }
    printf("#include <stddef.h>\n");
    for (int a = 1; a + 1 < argc; a += 2) {
        FILE *f = fopen(argv[a + 1], "rb");
        if (!f) {
            fprintf(stderr, "embed: cannot open %s\n", argv[a + 1]);
            return 1;
        }
        printf("const char dm_data_%s[] = {", argv[a]);
        size_t n = 0;
        int c;
        while ((c = fgetc(f)) != EOF) {
            if (n) fputs(n % 24 ? "," : ",\n", stdout);
            printf("%d", c);
            n++;
        }
        printf("%s0};\nconst size_t dm_data_%s_len = %zu;\n", n ? "," : "", argv[a], n);
        fclose(f);
    }
    return 0;
}
