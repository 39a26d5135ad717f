# Helpers for calling the API from bash: `source docs/api.sh` (set API first for another address).
API=${API:-http://localhost:3000}

# json EXPR: prints a field of the JSON answer read from stdin, e.g. json .id (Node only, nothing to install).
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{if(s)console.log(eval("JSON.parse(s)"+process.argv[1]))})' "$1"; }

# call METHOD PATH [TOKEN] [BODY]: prints the answer; an error status prints the error JSON and fails, which
# stops a script run with `set -e` (and only the command in an interactive shell).
call() {
  local args=(-s -X "$1" -w '\n%{http_code}' "$API$2")
  if [ -n "${3:-}" ]; then args+=(-H "authorization: Bearer $3"); fi
  if [ -n "${4:-}" ]; then args+=(-H 'content-type: application/json' -d "$4"); fi
  local answer
  answer=$(curl "${args[@]}") || { echo "$1 $2: no answer from $API" >&2; return 1; }
  local status=${answer##*$'\n'}
  if [ "$status" -ge 400 ]; then
    echo "$1 $2 failed with HTTP $status: ${answer%$'\n'*}" >&2
    return 1
  fi
  printf '%s\n' "${answer%$'\n'*}"
}

# login USERNAME: prints a bearer token (every demo account has the password demo1234).
login() { call POST /api/auth/login '' "{\"username\":\"$1\",\"password\":\"demo1234\"}" | json .token; }
