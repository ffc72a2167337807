from inclusive_hiring.cli import main

main()
