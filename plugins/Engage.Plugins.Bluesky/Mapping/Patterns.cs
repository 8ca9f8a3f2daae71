using System.Text.RegularExpressions;

namespace Engage.Plugins.Bluesky.Mapping;

/// <summary>The mention and link patterns of Bluesky's own clients (simplified): <c>@handle.domain</c> and http(s) addresses.</summary>
internal static partial class Patterns
{
    [GeneratedRegex(@"(?<![\w@])(?<at>@)(?<handle>[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)", RegexOptions.CultureInvariant)]
    public static partial Regex Mention();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    public static partial Regex Link();
}
