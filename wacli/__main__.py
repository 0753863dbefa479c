from wacli.cli.app import main

main()
