using System.Net;
using Engage.Host.Tests.Http;

namespace Engage.Host.Tests.Security.Isolation;

/// <summary>
/// The approval workflow by role: Editors write and submit, Approvers (and Admins) approve, reject and schedule, never
/// their own publication (four eyes), and nobody else changes what they may not.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class PublicationApprovalTests(IsolationFixture fixture)
{
    [Fact]
    public async Task Approve_ByApprover_SetsApprovedByAndThenSchedules()
    {
        var id = await SubmitAsync("Editor");

        var approved = await Patch("Approver", id, new { Status = "Approved" });
        var scheduled = await Patch("Approver", id, new { Status = "Scheduled" });
        var row = await fixture.Admin.GetJsonAsync($"/odata/Publications({id})");

        approved.Status.Should().Be(HttpStatusCode.NoContent, approved.Body);
        scheduled.Status.Should().Be(HttpStatusCode.NoContent, scheduled.Body);
        row.GetProperty("Status").GetString().Should().Be("Scheduled");
        row.GetProperty("CreatedBy").GetString().Should().Be(IsolationFixture.KeyName("Editor"));
        row.GetProperty("ApprovedBy").GetString().Should().Be(IsolationFixture.KeyName("Approver"));
        row.GetProperty("ApprovedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Approve_ByEditorOrAnalyst_Answers403NamingTheRoles()
    {
        var id = await SubmitAsync("Editor");

        var editor = await Patch("Editor", id, new { Status = "Approved" });
        var analyst = await Patch("Analyst", id, new { Status = "Approved" });

        editor.Status.Should().Be(HttpStatusCode.Forbidden, editor.Body);
        editor.Json.GetProperty("error").GetProperty("message").GetString().Should().Be(
            "Approving a publication needs the Admin or Approver role; this API key has the Editor role.");
        analyst.Status.Should().Be(HttpStatusCode.Forbidden, analyst.Body);
        (await fixture.Admin.GetJsonAsync($"/odata/Publications({id})")).GetProperty("Status").GetString().Should().Be("PendingApproval");
    }

    [Fact]
    public async Task Approve_OwnPublication_Answers409FourEyes()
    {
        var id = await SubmitAsync("ScopedAdmin");

        var own = await Patch("ScopedAdmin", id, new { Status = "Approved" });
        var other = await Patch("Approver", id, new { Status = "Approved" });

        own.Status.Should().Be(HttpStatusCode.Conflict, own.Body);
        own.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("four-eyes").And.Contain("another person");
        other.Status.Should().Be(HttpStatusCode.NoContent, other.Body);
    }

    [Fact]
    public async Task Approver_ChangingTextOrDeleting_Answers403()
    {
        var id = await SubmitAsync("Editor");

        var text = await Patch("Approver", id, new { Text = "Changed by the approver" });
        var both = await Patch("Approver", id, new { Status = "Approved", ScheduledFor = DateTimeOffset.UtcNow.AddDays(3).ToString("O") });
        var delete = await fixture.Client("Approver").SendJsonAsync(HttpMethod.Delete, $"/odata/Publications({id})");

        text.Status.Should().Be(HttpStatusCode.Forbidden, text.Body);
        text.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("may change only 'Status'").And.Contain("'Text'");
        both.Status.Should().Be(HttpStatusCode.Forbidden, both.Body);
        delete.Status.Should().Be(HttpStatusCode.Forbidden, delete.Body);
    }

    [Fact]
    public async Task Reject_ThenEditorReworks_ThroughDraft()
    {
        var id = await SubmitAsync("Editor");

        var rejected = await Patch("Approver", id, new { Status = "Rejected" });
        var rejectedText = await Patch("Editor", id, new { Text = "Edited while rejected" });
        var straightBack = await Patch("Editor", id, new { Status = "PendingApproval" });
        var draft = await Patch("Editor", id, new { Status = "Draft" });
        var edited = await Patch("Editor", id, new { Text = "Better wording", Status = "PendingApproval" });

        rejected.Status.Should().Be(HttpStatusCode.NoContent, rejected.Body);
        rejectedText.Status.Should().Be(HttpStatusCode.Conflict, "a rejected publication goes back to Draft before its text changes");
        straightBack.Status.Should().Be(HttpStatusCode.BadRequest, straightBack.Body);
        straightBack.ErrorTarget.Should().Be("Status");
        straightBack.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("may go to 'Draft', 'Cancelled'");
        draft.Status.Should().Be(HttpStatusCode.NoContent, draft.Body);
        edited.Status.Should().Be(HttpStatusCode.NoContent, edited.Body);
        (await fixture.Admin.GetJsonAsync($"/odata/Publications({id})")).GetProperty("Status").GetString().Should().Be("PendingApproval");
    }

    [Fact]
    public async Task Approve_DraftOrScheduleWithoutTime_IsRefusedWithWhatToDo()
    {
        var draft = await CreateAsync("Editor", new { Text = "Still a draft" });
        var pending = await CreateAsync("Editor", new { Text = "No time yet", Status = "PendingApproval" });

        var early = await Patch("Approver", draft, new { Status = "Approved" });
        await Patch("Approver", pending, new { Status = "Approved" });
        var untimed = await Patch("Approver", pending, new { Status = "Scheduled" });

        early.Status.Should().Be(HttpStatusCode.BadRequest, early.Body);
        early.ErrorTarget.Should().Be("Status");
        untimed.Status.Should().Be(HttpStatusCode.BadRequest, untimed.Body);
        untimed.ErrorTarget.Should().Be("ScheduledFor");
    }

    private Task<JsonAnswer> Patch(string principal, long id, object body) =>
        fixture.Client(principal).SendJsonAsync(HttpMethod.Patch, $"/odata/Publications({id})", body);

    private Task<long> SubmitAsync(string principal) =>
        CreateAsync(principal, new { Text = "For review", Status = "PendingApproval", ScheduledFor = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });

    private async Task<long> CreateAsync(string principal, object fields)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(fields)!.AsObject();
        body["WorkspaceId"] = fixture.A;
        body["AccountId"] = await fixture.SomeIdAsync("Accounts", fixture.A);
        var created = await fixture.Client(principal).SendJsonAsync(HttpMethod.Post, "/odata/Publications", body.ToJsonString());
        created.Status.Should().Be(HttpStatusCode.Created, created.Body);
        return created.Json.GetProperty("Id").GetInt64();
    }
}
