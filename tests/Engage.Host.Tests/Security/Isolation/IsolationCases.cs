namespace Engage.Host.Tests.Security.Isolation;

/// <summary>The read cases of the isolation matrix, generated from the model: every scoped set times every query shape.</summary>
internal static class IsolationCases
{
    /// <summary>The shapes every scoped set is read with.</summary>
    public static readonly string[] SetShapes =
    [
        "collection", "filter-escape", "filter-count", "orderby-top", "select", "count-segment", "count-segment-filter", "apply-groupby",
        "apply-aggregate", "search", "key-of-B", "key-of-A", "next-links", "tampered-token", "foreign-token",
    ];

    /// <summary>The shapes every navigation of a scoped set is read with.</summary>
    public static readonly string[] NavigationShapes = ["expand", "expand-planted", "path", "path-count", "filter-through", "apply-through"];

    public static TheoryData<string, string> Reads()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in IsolationModel.ScopedSets)
        {
            foreach (var shape in SetShapes)
            {
                data.Add(set, shape);
            }

            foreach (var (navigation, _, _) in IsolationModel.Navigations(set))
            {
                foreach (var shape in NavigationShapes)
                {
                    data.Add(set, $"{shape}:{navigation}");
                }
            }
        }

        return data;
    }
}
