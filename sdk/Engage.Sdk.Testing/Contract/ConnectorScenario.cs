namespace Engage.Sdk.Testing.Contract;

/// <summary>The situations a connector's contract tests need a context for.</summary>
public enum ConnectorScenario
{
    /// <summary>Valid settings and credentials, and a network (usually a local fake server) with some data.</summary>
    Working,

    /// <summary>The network refuses the credentials: connecting must fail with a classified failure.</summary>
    CredentialsRefused,

    /// <summary>The network answers far too slowly (a minute or more per request): a pull must stop on cancellation.</summary>
    Slow,
}
