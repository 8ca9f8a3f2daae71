using Engage.Host.ODataModel;
using Engage.Host.ODataWrites;
using Engage.Host.Security.Access;
using Microsoft.OData.Edm;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>The role matrix covers the whole model, and no write can move a row to another workspace.</summary>
public sealed class AccessMatrixTests
{
    [Fact]
    public void Check_TheShippedModel_HasARuleForEverySetAndAction()
    {
        var model = EngageModel.Build();

        FluentActions.Invoking(() => AccessMatrix.Check(model)).Should().NotThrow();
        AccessMatrix.Rules.Keys.Should().Contain(IsolationModel.Sets.Select(s => s.Name));
    }

    [Fact]
    public void Check_ASetWithoutARule_RefusesToStart()
    {
        var model = EngageModel.Build();
        var type = new EdmEntityType(EngageModel.Namespace, "Invoice");
        type.AddKeys(type.AddStructuralProperty("Id", EdmPrimitiveTypeKind.Int64, false));
        type.AddStructuralProperty("WorkspaceId", EdmPrimitiveTypeKind.Int64, false);
        model.AddElement(type);
        ((EdmEntityContainer)model.EntityContainer).AddEntitySet("Invoices", type);

        FluentActions.Invoking(() => AccessMatrix.Check(model)).Should().Throw<InvalidOperationException>().WithMessage("*'Invoices' has no access rule*");
    }

    [Fact]
    public void Rules_AdminOnlySets_NeedAnAdminKeyForAllWorkspaces()
    {
        foreach (var set in new[] { "AuditEvents", "ApiKeys" })
        {
            AccessMatrix.Rules[set].Read.Should().Be(Grant.AdminOfAll, set);
        }

        AccessMatrix.Rules["ApiKeys"].Insert.Should().Be(Grant.AdminOfAll);
    }

    [Fact]
    public void EditableSets_NoUpdateCanChangeAWorkspace()
    {
        EditableSets.Shapes.Values.SelectMany(s => s.Updatable).Should().NotContain(AccessMatrix.WorkspaceIdColumn);
        EditableSets.Shapes.Where(s => AccessMatrix.Rules[s.Key].Scope == SetScope.WorkspaceColumn && s.Value.Insertable.Count > 0)
            .Should().OnlyContain(s => s.Value.Insertable.Contains(AccessMatrix.WorkspaceIdColumn), "a new row names its workspace, which the insert hook checks");
    }
}
