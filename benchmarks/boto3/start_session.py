"""The yardstick of the start overhead: what a cold Python process with boto3 needs for the calls start-session
makes before it can hand a session over (GetApplication, then StartSession), against the same endpoint.

    python3 benchmarks/boto3/start_session.py <endpoint> <application-id> <execution-role-arn>
    python3 benchmarks/boto3/start_session.py <endpoint> <application-id> --terminate <session-id>   (untimed)

Credentials and region come from the environment, as for the plugin. Prints the session ID.
"""
import os
import sys
import uuid

import boto3

endpoint, application_id = sys.argv[1:3]
# AWS_REGION, as the plugin reads it (this botocore reads only AWS_DEFAULT_REGION by itself).
client = boto3.client("emr-serverless", endpoint_url=endpoint, region_name=os.environ.get("AWS_REGION"))
if sys.argv[3] == "--terminate":
    client.terminate_session(applicationId=application_id, sessionId=sys.argv[4])
    sys.exit(0)
role = sys.argv[3]
client.get_application(applicationId=application_id)
started = client.start_session(
    applicationId=application_id,
    executionRoleArn=role,
    clientToken=str(uuid.uuid4()),
    idleTimeoutMinutes=30,
)
print(started["sessionId"])
