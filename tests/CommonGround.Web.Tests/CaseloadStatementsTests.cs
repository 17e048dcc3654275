using System.Net;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Advice;
using CommonGround.Core.Attention;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>
/// A list of a person's children or work sends as many statements to the database for a large caseload as for a small
/// one. A statement sent for each child or each item is how a list's cost comes to grow with a caseload it does not show.
/// </summary>
public sealed class CaseloadStatementsTests : FreshAppTests
{
    private static readonly string[] Lists = ["/children", "/what-i-owe", "/attention", "/advice-asked", "/statutory"];

    [Fact]
    public async Task Each_list_sends_as_many_statements_for_a_caseload_of_34_children_as_for_4()
    {
        await GiveTheCaseworkerChildrenAsync(2, from: 0);
        var caseworker = await SignedInAsync("caseworker@example.org");
        var few = await StatementsPerListAsync(caseworker);

        await GiveTheCaseworkerChildrenAsync(30, from: 2);
        var many = await StatementsPerListAsync(caseworker);

        Assert.All(few, list => Assert.True(list.Value > 0, $"{list.Key} sent no statement the test could see"));
        Assert.Equal(Describe(few), Describe(many));
    }

    private static string Describe(Dictionary<string, int> statements) => string.Join("; ", statements.Select(s => $"{s.Key}: {s.Value}"));

    /// <summary>The statements each list sends once it has been opened before, as a person coming back to it.</summary>
    private async Task<Dictionary<string, int>> StatementsPerListAsync(HttpClient client)
    {
        var sent = App.Services.GetRequiredService<StatementsSent>();
        foreach (var list in Lists)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(list)).StatusCode);
        }

        sent.Start();
        foreach (var list in Lists)
        {
            var (response, page) = await client.OpenAsync(list);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The statutory list shows processes, and these children have none.
            Assert.True(list == "/statutory" || page.QuerySelector("main")!.TextContent.Contains("Caseload", StringComparison.Ordinal), $"{list} lists the children");
        }

        return Lists.ToDictionary(list => list, list => sent.For(list).Count);
    }

    /// <summary>
    /// Children whose key worker is the caseworker, each sharing every part with them, each with provision the caseworker
    /// owes and is behind on and advice asked of them, and their early warnings worked out as after any change.
    /// </summary>
    private async Task GiveTheCaseworkerChildrenAsync(int count, int from)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), App.Time);
        var caseworker = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "caseworker@example.org");
        var area = await db.Areas.SingleAsync(a => a.Id == caseworker.AreaId);
        var name = caseworker.UserAccount!.DisplayName;
        var children = new List<Guid>();
        for (var i = from; i < from + count; i++)
        {
            var child = build.Child(area, $"Child {i + 1}", "Caseload", 9);
            var place = build.Team(child, caseworker, "SEND caseworker", caseworker.UserAccountId, keyWorker: true, shared: Enum.GetValues<RecordArea>());
            var commitment = new Commitment
            {
                ChildId = child.Id, AreaId = area.Id, What = $"Reading support {i + 1}", RecordArea = CommitmentArea.Education, Source = CommitmentSource.Meeting,
                OwnerProfessionalId = caseworker.Id, OwnerName = name, OwnerOrganisationId = caseworker.OrganisationId, OwnerOrganisationName = caseworker.Organisation!.Name,
                Kind = CommitmentKind.Recurring, QuantityPerPeriod = 2, Unit = ProvisionUnit.Sessions, MinutesPerSession = 30, Period = ProvisionPeriod.Week,
                StartDate = build.Today.AddDays(-21), CreatedAt = build.Now, CreatedByUserId = caseworker.UserAccountId, CreatedByName = name,
            };
            commitment.ChangeStatus(CommitmentStatus.Agreed, null, caseworker.UserAccountId, name, build.Now, build.Today);
            db.Commitments.Add(commitment);
            db.AdviceRequests.Add(new AdviceRequest
            {
                ChildId = child.Id, AreaId = area.Id, Part = RecordArea.Education, About = $"Question {i + 1}", AdviserTeamMemberId = place.Id,
                AdviserUserId = caseworker.UserAccountId, AdviserName = name, AdviserOrganisationName = caseworker.Organisation.Name,
                AskedByUserId = caseworker.UserAccountId, AskedByName = name, AskedByOrganisationName = caseworker.Organisation.Name, AskedAt = build.Now,
                DueOn = build.Today.AddDays(10 + i),
            });
            children.Add(child.Id);
        }

        await build.SaveAsync();
        await scope.ServiceProvider.GetRequiredService<AttentionSignals>().RefreshAsync(children, CancellationToken.None);
        Assert.True(await db.AttentionSignals.CountAsync(s => children.Contains(s.ChildId)) >= count, "each child has an early warning to list");
    }
}
