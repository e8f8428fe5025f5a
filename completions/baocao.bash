# bash completion for baocao(1). Installed as
# share/bash-completion/completions/baocao; to try it from the source tree:
#   source completions/baocao.bash
# tests/app/completion_test.cpp and docs_sync_test.cpp check it against the
# program's --help. It needs nothing from the bash-completion package.

_baocao_build_options="-o --output --force --out-dir --jobs --shard --quiet --format --dpi --date
  --template --font-dir --allow-missing-glyphs --allow-paths --draft --dump-layout --backend --pdfa
  --owner-password --user-password --owner-password-file --user-password-file --permissions
  --split-appendices --sign-ready --blank-number-date --sign --p12 --p12-password --p12-password-file --pkcs11-module
  --pkcs11-slot --pkcs11-token --pkcs11-key --pin --pin-file --chain --reason --location --subfilter
  -h --help"

# Adds to COMPREPLY the folders and the *.yaml / *.yml files that start with $1.
# With -o filenames, bash quotes them and puts "/" after a folder.
_baocao_yaml_files() {
  local f
  compopt -o filenames 2>/dev/null
  while IFS= read -r f; do
    [[ -d $f || $f == *.yaml || $f == *.yml ]] && COMPREPLY+=("$f")
  done < <(compgen -f -- "$1")
}

_baocao() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local program=${COMP_WORDS[0]} cmd="" i
  COMPREPLY=()
  # The command is the first word after the program that is not an option.
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} != -* ]]; then
      cmd=${COMP_WORDS[i]}
      break
    fi
  done

  if [[ -z $cmd ]]; then
    mapfile -t COMPREPLY < <(compgen -W "build check init schema watch sign verify templates serve --help --version" -- "$cur")
    return
  fi

  case $prev in
    --template)
      local names
      names=$("$program" templates 2>/dev/null | cut -f1)
      [[ -n $names ]] || names="dang hien-dai nha-nuoc"
      mapfile -t COMPREPLY < <(compgen -W "$names" -- "$cur")
      # build also takes a template file.
      [[ $cmd == init ]] || _baocao_yaml_files "$cur"
      return
      ;;
    --format)
      mapfile -t COMPREPLY < <(compgen -W "pdf png svg docx" -- "$cur")
      return
      ;;
    --backend)
      mapfile -t COMPREPLY < <(compgen -W "cairo haru" -- "$cur")
      return
      ;;
    --subfilter)
      mapfile -t COMPREPLY < <(compgen -W "cades pkcs7" -- "$cur")
      return
      ;;
    --permissions)
      mapfile -t COMPREPLY < <(compgen -W "print copy edit annotate print,copy" -- "$cur")
      return
      ;;
    --out-dir | --font-dir | --allow-paths)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return
      ;;
    -o | --output | --owner-password-file | --user-password-file | --p12 | --p12-password-file | --image | \
      --ca | --pkcs11-module | --pin-file | --chain | --token-file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
      ;;
    --jobs | --shard | --dpi | --date | --owner-password | --user-password | --p12-password | \
      --reason | --location | --field | --number | --pkcs11-slot | --pkcs11-token | --pkcs11-key | --pin | \
      --listen | --workers | --queue | --max-body | --timeout)
      return # a value to type, nothing to offer
      ;;
  esac

  local options
  case $cmd in
    build | watch) options=$_baocao_build_options ;;
    check) options="--template --font-dir --allow-missing-glyphs --allow-paths --draft -q --quiet -h --help" ;;
    init) options="--template --force -h --help" ;;
    schema) options="--template -o --output --force -h --help" ;;
    sign) options="--p12 --p12-password --p12-password-file --pkcs11-module --pkcs11-slot
      --pkcs11-token --pkcs11-key --pin --pin-file --chain -o --output --reason --location --subfilter
      --field --image --text-signature --number -h --help" ;;
    verify) options="--ca -h --help" ;;
    templates) options="-h --help" ;;
    serve) options="--listen --workers --queue --max-body --timeout --token-file -h --help" ;;
    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  elif [[ $cmd == sign || $cmd == verify ]]; then
    mapfile -t COMPREPLY < <(compgen -f -- "$cur") # the PDF, the .p12
  elif [[ $cmd != schema && $cmd != templates && $cmd != serve ]]; then
    _baocao_yaml_files "$cur"
  fi
}

complete -F _baocao baocao
