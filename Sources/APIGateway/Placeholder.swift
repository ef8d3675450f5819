// API Gateway variables and pipeline; filled by the API Gateway issues.
