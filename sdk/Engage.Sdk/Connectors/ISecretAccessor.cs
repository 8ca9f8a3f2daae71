namespace Engage.Sdk.Connectors;

/// <summary>
/// Hands a plugin the secrets of its connection when it asks for them by name. Secrets are stored
/// encrypted; keep them in memory only as long as needed and never log them.
/// </summary>
public interface ISecretAccessor
{
    /// <summary>Reads one secret.</summary>
    /// <param name="name">The setting name declared with <see cref="SettingDefinition.IsSecret"/>.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The secret, or null when none is set.</returns>
    ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a secret the connector obtained itself (a refreshed session token), so the next run can use it.
    /// </summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="value">The new value; null removes it.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    ValueTask SetAsync(string name, string? value, CancellationToken cancellationToken);
}
