import sys

from gongwen.cli import main

sys.exit(main())
