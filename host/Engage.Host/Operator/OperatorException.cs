namespace Engage.Host.Operator;

/// <summary>
/// A command-line verb that cannot go on: the message says what is wrong and what to do next, the exit code is
/// <see cref="Refused"/> (the operation failed or was refused) or <see cref="Usage"/> (the command line is wrong).
/// </summary>
internal sealed class OperatorException(int exitCode, string message) : Exception(message)
{
    public const int Refused = 1;
    public const int Usage = 2;

    public int ExitCode { get; } = exitCode;
}
