#!/usr/bin/env bash
# Runs the OData engine benchmark in Release. Extra arguments go to the program, e.g. --rows 200000 --repetitions 50.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec dotnet run -c Release --project tests/Engage.Benchmarks -- "$@"
