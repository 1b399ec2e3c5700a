# Shared by the CLI test scripts (tests/bad/run.sh, tests/kb/run.sh, tests/kb/query.sh);
# sourced, not run. After `harness_start SCRIPT NEEDS ARGS...`:
#   DM    the dragoman binary (absolute), from the one argument
#   HERE  the script's directory; ROOT the project's
#   T     a scratch directory, removed on exit
# and begin/fail/end record checks as "ok - NAME" or "not ok - NAME: why";
# harness_finish prints "N passed, N failed" and sets the exit status.

passed=0
failed=0

# harness_start SCRIPT WHY_PYTHON ARGS... : checks the arguments and python3 (WHY_PYTHON says what for).
harness_start() {
  script=$1 why_python=$2
  shift 2
  if [ $# -ne 1 ]; then
    echo "usage: sh $script PATH/TO/dragoman" >&2
    exit 2
  fi
  case $1 in
    /*) DM=$1 ;;
    *) DM=$(pwd)/$1 ;;
  esac
  if [ ! -x "$DM" ]; then
    echo "$script: $DM is not an executable" >&2
    exit 2
  fi
  if ! command -v python3 >/dev/null 2>&1; then
    echo "$script: python3 is needed $why_python" >&2
    exit 2
  fi
  ROOT=$HERE/../..
  T=$(mktemp -d "${TMPDIR:-/tmp}/dragoman-test.XXXXXX") || exit 2
  trap 'rm -rf "$T"' EXIT
  trap 'rm -rf "$T"; exit 130' INT TERM HUP
}

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1: $2"; }
begin() { name=$1; why=; }
fail() { why="${why:+$why; }$1"; }
end() { if [ -z "$why" ]; then ok "$name"; else not_ok "$name" "$why"; fi; }

harness_finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
