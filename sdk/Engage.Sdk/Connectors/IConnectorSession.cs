namespace Engage.Sdk.Connectors;

/// <summary>
/// An open session of one connection. It also implements the session interface of each declared
/// capability (<see cref="IPullSession"/>, <see cref="IPushSession"/>, ...). Disposing must be safe at any
/// time, also after a failed call.
/// </summary>
public interface IConnectorSession : IAsyncDisposable;
