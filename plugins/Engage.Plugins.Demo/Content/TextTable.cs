using Engage.Plugins.Demo.Generation;

namespace Engage.Plugins.Demo.Content;

/// <summary>A set of texts looked up by language and tone, falling back to English when a language lacks one.</summary>
internal sealed class TextTable
{
    private readonly Dictionary<(string Language, Tone Tone), DemoText[]> _byKey;

    public TextTable(IReadOnlyList<DemoText> texts)
    {
        Texts = texts;
        _byKey = texts.GroupBy(t => (t.Language, t.Tone)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<DemoText> Texts { get; }

    public DemoText Pick(string language, Tone tone, DemoRandom random)
    {
        if (_byKey.TryGetValue((language, tone), out var texts)
            || _byKey.TryGetValue((Languages.DefaultLanguage, tone), out texts))
        {
            return random.Pick(texts);
        }

        return random.Pick(Texts);
    }
}
