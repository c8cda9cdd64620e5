# The tutorial's custom_metrics.py, as the tutorial writes it, so that the exercise checker's tests
# can judge the tutorial's own app (./exercise check custom-metrics --target), whose Info the
# Python client names application_info_info. One change: it listens on 127.0.0.1 and on PORT.
# Needs Debian's python3-flask, python3-prometheus-client and python3-requests; run with
# /usr/bin/python3, whose packages those are.
import os

from flask import Flask, Response
import requests
from prometheus_client import (
    Info,
    Enum,
    generate_latest,
    CONTENT_TYPE_LATEST
)

# Create a Flask application
app = Flask(__name__)

# Define an Info metric to expose static information
info = Info(
    'application_info',
    'Application information',
    # ['version', 'author']
)

# Set the static information
info.info(
    {
        'version': '1.0',
        'author': 'John Doe'
    }
)

# Define an Enum metric to track states or statuses
state = Enum(
    'application_state',
    'Application state',
    states=['loading', 'missing', 'running', 'stopped']
)

# Set the state to 'running'
state.state('running')

# Define a route to expose metrics
@app.route('/metrics')
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)

# Start the Flask application
# Run the application
if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', '5000')))
