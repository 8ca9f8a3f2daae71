namespace Engage.Host.Tests.Plugins;

/// <summary>C# source of fixture plugins: one plugin class registering one pull connector, with hooks to misbehave.</summary>
internal static class FixtureSources
{
    /// <summary>What a well-behaved pull returns: one account and the next cursor.</summary>
    public const string GoodPull = """
        await Task.Yield();
        return new SyncBatch { Accounts = new[] { new AccountItem("acc-1", "@fixture@example.social") }, NextCursor = "cursor-1" };
        """;

    /// <param name="connectorId">The id the code registers.</param>
    /// <param name="displayName">A C# expression for the connector's display name.</param>
    /// <param name="capabilities">A C# expression for the registered capabilities.</param>
    /// <param name="pull">The body of the async <c>PullAsync</c> (parameters <c>cursor</c>, <c>cancellationToken</c>).</param>
    /// <param name="register">Statements run in <c>Register</c> before the connector is added.</param>
    /// <param name="syncPull">When set, replaces <c>PullAsync</c> with a non-async method of this body.</param>
    public static string Plugin(
        string connectorId,
        string displayName = "\"Fixture connector\"",
        string capabilities = "ConnectorCapabilities.Pull",
        string pull = GoodPull,
        string register = "",
        string? syncPull = null) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Engage.Sdk.Connectors;
        using Engage.Sdk.Failures;
        using Engage.Sdk.Items;
        using Engage.Sdk.Plugins;

        namespace Fixture
        {
            public sealed class FixturePlugin : IEngagePlugin
            {
                public void Register(IPluginRegistrar registrar)
                {
                    {{register}}
                    registrar.AddConnector(new FixtureConnector());
                }
            }

            public sealed class FixtureConnector : IConnector
            {
                public ConnectorInfo Info { get; } = new ConnectorInfo("{{connectorId}}", {{displayName}}, "fixture", {{capabilities}});

                public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings) => Array.Empty<SettingError>();

                public Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken) =>
                    Task.FromResult<IConnectorSession>(new FixtureSession());
            }

            public sealed class FixtureSession : IPullSession
            {
                {{(syncPull is null
                    ? $"public async Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)\n{{\n{pull}\n}}"
                    : $"public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)\n{{\n{syncPull}\n}}")}}

                public ValueTask DisposeAsync() => default;
            }
        }
        """;

    /// <summary>A library whose <c>LibInfo.Name()</c> returns <paramref name="name"/>.</summary>
    public static string Library(string ns, string name) => $$"""
        namespace {{ns}}
        {
            public static class LibInfo
            {
                public static string Name() => "{{name}}";
            }
        }
        """;

    /// <summary>A plugin built against a stand-in SDK whose IEngagePlugin takes an object.</summary>
    public const string ForFakeSdk = """
        namespace Fixture
        {
            public sealed class FixturePlugin : Engage.Sdk.Plugins.IEngagePlugin
            {
                public void Register(object registrar)
                {
                }
            }
        }
        """;
}
