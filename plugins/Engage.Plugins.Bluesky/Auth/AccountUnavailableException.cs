using Engage.Sdk.Failures;

namespace Engage.Plugins.Bluesky.Auth;

/// <summary>The account exists but cannot be used (taken down, suspended, deactivated): permanent, and about the handle, not the password.</summary>
/// <param name="message">What happened to the account and what to do.</param>
internal sealed class AccountUnavailableException(string message) : PluginException(message, PluginFailureKind.Permanent);
