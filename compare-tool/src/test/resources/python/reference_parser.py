# Reads every case file in a folder with the Python client's own parsers, as
# tutorial.compare.PythonReferenceTest asks: NAME.openmetrics with
# prometheus_client.openmetrics.parser, NAME.text with prometheus_client.parser. Prints one line
# per case: NAME<TAB>valid, or NAME<TAB>refused<TAB>the parser's reason.
import os
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families as openmetrics
from prometheus_client.parser import text_string_to_metric_families as text

folder = sys.argv[1]
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), 'rb') as case:
        content = case.read()
    parse = openmetrics if name.endswith('.openmetrics') else text
    try:
        list(parse(content.decode('utf-8')))
        print(name + '\tvalid')
    except Exception as e:
        print(name + '\trefused\t' + ' '.join(str(e).split())[:160])
