namespace Engage.Plugins.Demo.Content;

/// <summary>One invented text with its BCP-47 language tag and tone.</summary>
/// <param name="Language">The language tag (<c>en</c>, <c>fa</c>, ...).</param>
/// <param name="Tone">The tone it is written in.</param>
/// <param name="Text">The text; <c>{handle}</c> stands for the account's mention.</param>
internal sealed record DemoText(string Language, Tone Tone, string Text);
