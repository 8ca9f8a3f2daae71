using Engage.Sdk.Failures;

namespace Engage.Plugins.Mastodon.Api;

/// <summary>A 404 from the instance: permanent for the request, but callers may skip the item (a deleted status).</summary>
/// <param name="message">What was not found.</param>
internal sealed class MastodonNotFoundException(string message) : PluginException(message, PluginFailureKind.Permanent);
