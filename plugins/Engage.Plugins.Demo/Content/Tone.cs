namespace Engage.Plugins.Demo.Content;

/// <summary>The tone a text is written in, so that a sentiment calculator has something to find.</summary>
internal enum Tone
{
    Positive,
    Neutral,
    Negative,
}
