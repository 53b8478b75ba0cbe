"""The yardstick of the start overhead: what a cold Python process with boto3 needs for the calls start-session
makes before it can hand a session over (GetApplication, then StartSession), against the same endpoint.

    python3 benchmarks/boto3/start_session.py <endpoint> <application-id> <execution-role-arn>

Credentials and region come from the environment, as for the plugin. Prints the session ID.
"""
import sys
import uuid

import boto3

endpoint, application_id, role = sys.argv[1:4]
client = boto3.client("emr-serverless", endpoint_url=endpoint)
client.get_application(applicationId=application_id)
started = client.start_session(
    applicationId=application_id,
    executionRoleArn=role,
    clientToken=str(uuid.uuid4()),
    idleTimeoutMinutes=30,
)
print(started["sessionId"])
