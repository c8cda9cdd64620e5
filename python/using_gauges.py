# The tutorial's using_gauges.py, as the tutorial writes it, so that the exercise checker's tests
# can judge the tutorial's own app (./exercise check gauges --target). One change: it listens on
# 127.0.0.1 and on PORT. Needs Debian's python3-flask and python3-prometheus-client; run with
# /usr/bin/python3, whose packages those are.
import os

from flask import Flask, Response
from prometheus_client import (
    Gauge,
    generate_latest,
    CONTENT_TYPE_LATEST
)

# Create a Flask application
app = Flask(__name__)

# Define a gauge to track the size of a list
list_size_gauge = Gauge(
    'list_size',
    'Size of a list',
    ['list']
)

my_list = []

@app.route('/add/<int:num1>')
def add(num1):
    """ Route to add a number to my_list """
    # add num1 to my_list
    my_list.append(num1)
    # set the gauge to the length of my_list
    size = len(my_list)
    list_size_gauge.labels('my_list').set(size)
    # return a message
    return f"Added {num1} to my_list"

@app.route('/remove/<int:num1>')
def remove(num1):
    """ Route to remove a number from my_list """
    # remove num1 from my_list
    my_list.remove(num1)
    # set the gauge to the length of my_list
    size = len(my_list)
    list_size_gauge.labels('my_list').set(size)
    # return a message
    return f"Removed {num1} from my_list"

@app.route('/metrics')
def metrics():
    """ Expose the Prometheus metrics """
    return Response(
        generate_latest(),
        mimetype=CONTENT_TYPE_LATEST
    )

if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', '5000')))
