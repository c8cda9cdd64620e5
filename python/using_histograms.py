# The tutorial's using_histograms.py, as the tutorial writes it, so that ./bench can set our
# histograms-app beside it. Two changes, both for the benchmark: the API's base URL comes from
# GITHUB_API_URL (the bench points it at its stand-in), and the port from PORT.
# Needs Debian's python3-flask, python3-prometheus-client and python3-requests (./bench installs
# them); run with /usr/bin/python3, whose packages those are.
import os

from flask import Flask, Response
import requests
from prometheus_client import (
    Histogram,
    generate_latest,
    CONTENT_TYPE_LATEST
)

GITHUB_API_URL = os.environ.get('GITHUB_API_URL', 'https://api.github.com')

# Create a Flask application
app = Flask(__name__)

# Define a histogram to measure the time taken to process requests
histogram = Histogram(
    'request_duration_seconds',
    'Time taken to process a request',
    ['method', 'endpoint']
)

# Define the route to get information about a repository
@app.route('/repos/<string:username>/<string:repository>')
def get_repos(username, repository):
    """Get information about a repository on GitHub."""
    repos = username + '/' + repository
    url = GITHUB_API_URL + '/repos' + '/' + repos
    # Measure the time taken to process the request
    with histogram.labels('GET', '/repos').time():
        # Send a GET request to the GitHub API
        response = requests.get(url)
        # Return the response
        return response.json()

# Define a route to expose metrics
@app.route('/metrics')
def metrics():
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)

# Run the application
if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', '5000')))
