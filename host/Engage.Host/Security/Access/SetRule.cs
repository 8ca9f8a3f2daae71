namespace Engage.Host.Security.Access;

/// <summary>
/// The access rule of one entity set: how its rows are scoped and who may read, insert, update and delete them.
/// <see cref="UpdateOnly"/> narrows an update grant for a role to some properties (an Approver changes only a
/// publication's Status).
/// </summary>
internal sealed record SetRule(string Set, SetScope Scope, Grant Read, Grant Insert = Grant.None, Grant Update = Grant.None, Grant Delete = Grant.None)
{
    public IReadOnlyDictionary<Role, string[]> UpdateOnly { get; init; } = new Dictionary<Role, string[]>();
}
