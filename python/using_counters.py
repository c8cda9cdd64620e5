# The tutorial's using_counters.py, as the tutorial writes it, so that ./bench can time its start-up
# beside counters-app's. Two changes, both for the benchmark: it listens on 127.0.0.1 and on PORT.
# Needs Debian's python3-flask and python3-prometheus-client (./bench installs them); run with
# /usr/bin/python3, whose packages those are.
import os

from flask import Flask, Response
from prometheus_client import (
    Counter,
    generate_latest,
    CONTENT_TYPE_LATEST
    )

# Create a Flask application
app = Flask(__name__)

# Define Prometheus counters
home_counter = Counter(
        'home_page_visits',
        'Number of visits to the home page'
    )

about_counter = Counter(
        'about_page_visits',
        'Number of visits to the about page'
    )

@app.route('/')
def home():
    """ Route for the home page """
    # Increment the counter for the home page visits
    home_counter.inc()
    return "<h1>Welcome to the Home Page</h1>"

@app.route('/about')
def about():
    """ Route for the about page """
    # Increment the counter for the about page visits
    about_counter.inc()
    return "<h1>Welcome to the About Page</h1>"

@app.route('/metrics')
def metrics():
    """ Expose the Prometheus metrics """
    return Response(
        generate_latest(),
        mimetype=CONTENT_TYPE_LATEST
    )

if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ.get('PORT', '5000')))
