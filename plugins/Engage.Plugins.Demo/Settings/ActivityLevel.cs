namespace Engage.Plugins.Demo.Settings;

/// <summary>How busy the invented accounts are.</summary>
internal enum ActivityLevel
{
    /// <summary>About half the normal volume.</summary>
    Low,
    /// <summary>About three posts a day across the three accounts.</summary>
    Normal,
    /// <summary>About twice the normal volume.</summary>
    High,
}
