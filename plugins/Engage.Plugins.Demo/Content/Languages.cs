namespace Engage.Plugins.Demo.Content;

/// <summary>The languages the demo writes in, and how often.</summary>
internal static class Languages
{
    public const string DefaultLanguage = "en";

    /// <summary>Language tags, in a fixed order.</summary>
    public static IReadOnlyList<string> Tags { get; } = ["en", "fr", "de", "es", "fa", "he"];

    /// <summary>Relative weights of <see cref="Tags"/> for posts and people.</summary>
    public static IReadOnlyList<double> Weights { get; } = [50, 14, 12, 12, 7, 5];

    /// <summary>Persian and Hebrew; Latin hashtags are not appended to their posts (they would read backwards).</summary>
    public static bool IsRightToLeft(string language) => language is "fa" or "he";

    /// <summary>Relative weights of positive, neutral and negative for a post.</summary>
    public static IReadOnlyList<double> PostTones { get; } = [45, 35, 20];
}
