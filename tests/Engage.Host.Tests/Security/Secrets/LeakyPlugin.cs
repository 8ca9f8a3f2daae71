namespace Engage.Host.Tests.Security.Secrets;

/// <summary>
/// <c>fixture.leaky</c>: a connector that does everything wrong with its secret, to prove the host contains it. Settings:
/// <c>instanceUrl</c> (required, https), <c>token</c> (required, secret), <c>mode</c>. Every connect logs the token at Trace,
/// Information and Warning (with an exception carrying it); then by mode: <c>refuse</c> throws a PluginException quoting it,
/// <c>crash</c> throws an unclassified exception (inner exception too) quoting it, <c>http</c> sends it in a URL and an
/// Authorization header to a closed local port, <c>refresh</c> stores the reversed token as the new secret, logs it and fails
/// quoting it; anything else pulls one account (logging the token again). The settings check crashes on <c>mode=crash-check</c>; the network check (<c>IConnectionCheck</c>) logs the token, and
/// crashes quoting it on <c>mode=crash-network-check</c> or refuses quoting it on <c>mode=refuse-network-check</c>.
/// </summary>
internal static class LeakyPlugin
{
    public const string Id = "fixture.leaky";
    public const string Connector = "leaky";

    /// <summary>What mode <c>refresh</c> stores: the token reversed.</summary>
    public static string Refreshed(string token) => new([.. token.Reverse()]);

    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;
        using Engage.Sdk.Connectors;
        using Engage.Sdk.Failures;
        using Engage.Sdk.Items;
        using Engage.Sdk.Plugins;
        using Microsoft.Extensions.Logging;

        namespace Fixture
        {
            public sealed class FixturePlugin : IEngagePlugin
            {
                public void Register(IPluginRegistrar registrar) => registrar.AddConnector(new LeakyConnector());
            }

            public sealed class LeakyConnector : IConnector, IConnectionCheck
            {
                public async Task<IReadOnlyList<SettingError>> CheckConnectionAsync(IConnectorContext context, CancellationToken cancellationToken)
                {
                    var token = await context.Secrets.GetAsync("token", cancellationToken) ?? "";
                    context.Logger.LogInformation("checking the connection with token " + token);
                    context.Settings.TryGetValue("mode", out var mode);
                    return mode switch
                    {
                        "crash-network-check" => throw new InvalidOperationException("the network check crashed with " + token),
                        "refuse-network-check" => new[] { new SettingError("token", "The network refused the token " + token) },
                        _ => Array.Empty<SettingError>(),
                    };
                }

                public ConnectorInfo Info { get; } = new ConnectorInfo("leaky", "Leaky", "leakynet", ConnectorCapabilities.Pull)
                {
                    Settings = new[]
                    {
                        new SettingDefinition("instanceUrl", "Instance URL") { Required = true },
                        new SettingDefinition("token", "Token") { Required = true, IsSecret = true },
                        new SettingDefinition("mode", "Mode") { DefaultValue = "ok" },
                    },
                };

                public IReadOnlyList<SettingError> ValidateSettings(IReadOnlyDictionary<string, string?> settings)
                {
                    if (settings.TryGetValue("mode", out var mode) && mode == "crash-check")
                    {
                        throw new InvalidOperationException("the settings check crashed with " + string.Join(",", settings.Values));
                    }

                    return settings.TryGetValue("instanceUrl", out var url) && url != null && !url.StartsWith("https://", StringComparison.Ordinal)
                        ? new[] { new SettingError("instanceUrl", "Instance URL must start with https://, not " + url) }
                        : Array.Empty<SettingError>();
                }

                public async Task<IConnectorSession> ConnectAsync(IConnectorContext context, CancellationToken cancellationToken)
                {
                    var token = await context.Secrets.GetAsync("token", cancellationToken) ?? throw new PluginException("no token", PluginFailureKind.CredentialsInvalid);
                    var log = context.Logger;
                    log.LogTrace("trace: connecting with token {Token}", token);
                    log.LogInformation("connecting with token " + token);
                    using (log.BeginScope("token scope " + token))
                    {
                        log.LogWarning(new InvalidOperationException("inner exception with " + token), "warning about {Token}", token);
                    }

                    context.Settings.TryGetValue("mode", out var mode);
                    switch (mode)
                    {
                        case "refuse":
                            throw new PluginException("The server refused the token " + token, PluginFailureKind.CredentialsInvalid);
                        case "crash":
                            throw new InvalidOperationException("crashed holding " + token, new FormatException("inner " + token));
                        case "http":
                            using (var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/api?access_token=" + Uri.EscapeDataString(token)))
                            {
                                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                                using var response = await context.HttpClient.SendAsync(request, cancellationToken);
                                throw new PluginException("unexpected answer " + (int)response.StatusCode + " for " + token, PluginFailureKind.Transient);
                            }
                        case "refresh":
                            var fresh = new string(token.Reverse().ToArray());
                            await context.Secrets.SetAsync("token", fresh, cancellationToken);
                            log.LogInformation("refreshed the token to " + fresh);
                            throw new PluginException("the refreshed token " + fresh + " was refused too", PluginFailureKind.Transient);
                        default:
                            return new LeakySession(token, log);
                    }
                }
            }

            public sealed class LeakySession(string token, ILogger log) : IPullSession
            {
                public Task<SyncBatch> PullAsync(string? cursor, CancellationToken cancellationToken)
                {
                    log.LogDebug("pulling with " + token);
                    return Task.FromResult(new SyncBatch { Accounts = new[] { new AccountItem("leaky-1", "@leaky") } });
                }

                public ValueTask DisposeAsync()
                {
                    log.LogInformation("disposing " + token);
                    return default;
                }
            }
        }
        """;
}
