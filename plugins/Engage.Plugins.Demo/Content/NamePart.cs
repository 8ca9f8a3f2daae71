namespace Engage.Plugins.Demo.Content;

/// <summary>A first or last name as written, and in plain ASCII for handles.</summary>
/// <param name="Native">As written (<c>Müller</c>, <c>سارا</c>).</param>
/// <param name="Latin">Lower-case ASCII (<c>mueller</c>, <c>sara</c>).</param>
internal sealed record NamePart(string Native, string Latin);
