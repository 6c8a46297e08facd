"""The access matrix: every URL pattern × every role, its rows kept by domain and checked by test_matrix.py."""
