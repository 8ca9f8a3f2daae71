using Microsoft.OData.Edm;

namespace Engage.OData.Tests.Differential;

/// <summary>The EDM type, the table and the property list of the differential entity set <c>Samples</c>.</summary>
internal static class SampleSchema
{
    public const string EntitySet = "Samples";
    public const string Table = "diff_samples";
    public const string Namespace = "Test.Differential";

    public static IReadOnlyList<SampleProperty> Properties { get; } =
    [
        new("Id", "Id", SampleKind.Int64, false, r => r.Id),
        new("Name", "Name", SampleKind.String, false, r => r.Name),
        new("Tag", "tag_text", SampleKind.String, true, r => r.Tag),
        new("Score", "Score", SampleKind.Double, true, r => r.Score),
        new("Count", "Count", SampleKind.Int32, false, r => r.Count),
        new("Big", "Big", SampleKind.Int64, true, r => r.Big),
        new("Flag", "Flag", SampleKind.Boolean, true, r => r.Flag),
        new("Active", "Active", SampleKind.Boolean, false, r => r.Active),
        new("Day", "Day", SampleKind.Date, true, r => r.Day),
        new("At", "At", SampleKind.DateTimeOffset, true, r => r.At),
        new("Price", "Price", SampleKind.Decimal, true, r => r.Price is { } p ? (double)p : null),
    ];

    public static SampleProperty Key => Properties[0];

    public static SampleProperty Find(string name) => Properties.Single(p => p.Name == name);

    /// <summary>Adds the <c>Sample</c> type and the <c>Samples</c> set to a model (the test model's container is reused when given).</summary>
    public static IEdmModel CreateModel()
    {
        var model = new EdmModel();
        var type = new EdmEntityType(Namespace, "Sample");
        foreach (var property in Properties)
        {
            var added = type.AddStructuralProperty(property.Name, EdmKind(property.Kind), property.Nullable);
            if (property == Key)
            {
                type.AddKeys(added);
            }
        }

        model.AddElement(type);
        var container = new EdmEntityContainer(Namespace, "Container");
        container.AddEntitySet(EntitySet, type);
        model.AddElement(container);
        return model;
    }

    private static EdmPrimitiveTypeKind EdmKind(SampleKind kind) => kind switch
    {
        SampleKind.String => EdmPrimitiveTypeKind.String,
        SampleKind.Int32 => EdmPrimitiveTypeKind.Int32,
        SampleKind.Int64 => EdmPrimitiveTypeKind.Int64,
        SampleKind.Double => EdmPrimitiveTypeKind.Double,
        SampleKind.Decimal => EdmPrimitiveTypeKind.Decimal,
        SampleKind.Boolean => EdmPrimitiveTypeKind.Boolean,
        SampleKind.Date => EdmPrimitiveTypeKind.Date,
        _ => EdmPrimitiveTypeKind.DateTimeOffset,
    };
}
