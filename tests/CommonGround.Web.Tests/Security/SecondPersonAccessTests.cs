using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// A use case often asks about a second person's access to the child it works on (the key worker a concern is raised
/// for, each person a concern may be passed to). The child is then not read again; these tests show the answer is the
/// one the person gets when asked alone.
/// </summary>
public sealed class SecondPersonAccessTests : FreshAppTests
{
    private static string Describe(ChildAccess? access) => access is null
        ? "no access"
        : $"{access.Relationship}; sees {string.Join(", ", access.SharedAreas.Order())}; place {access.TeamMemberId}";

    /// <summary>The person's access in a unit of work of its own, after <paramref name="askedFirst"/>'s when one is given.</summary>
    private async Task<ChildAccess?> AccessAsync(Guid childId, Guid userId, Guid? askedFirst = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<AccessService>();
        if (askedFirst is { } first)
        {
            Assert.NotNull(await access.GetAsync(childId, first));
        }

        return await access.GetAsync(childId, userId);
    }

    [Fact]
    public async Task Everyones_access_to_a_child_already_read_for_someone_else_is_what_it_is_when_asked_alone()
    {
        // The permission records add withdrawn and lapsed sharing and a young person who decides; on Sam's team, the
        // therapist's place also ends and the transport officer's organisation closes their account.
        await PermissionRecords.PrepareAsync(App);
        var sam = await ChildIdAsync("Samuel");
        string emergencyReader;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
            var now = App.Time.GetUtcNow().UtcDateTime;
            var therapist = await db.TeamMembers.Include(t => t.Consents)
                .SingleAsync(t => t.ChildId == sam && t.LeftAt == null && t.Professional!.UserAccount!.Email == "therapist@example.org");
            therapist.Leave(Guid.Empty, now);
            (await db.Professionals.SingleAsync(p => p.UserAccount!.Email == "transport@example.org")).Deactivate(now);
            // A local authority lead off Sam's team reads the record under emergency access.
            var lead = await db.Professionals.Include(p => p.UserAccount).Include(p => p.Organisation)
                .Where(p => p.IsOrganisationAdmin && p.DeactivatedAt == null && p.Organisation!.Kind == OrganisationKind.LocalAuthority
                    && p.AreaId == db.Children.Single(c => c.Id == sam).AreaId && !db.TeamMembers.Any(t => t.ChildId == sam && t.ProfessionalId == p.Id && t.LeftAt == null))
                .FirstAsync();
            emergencyReader = lead.UserAccount!.Email!;
            db.EmergencyAccesses.Add(new EmergencyAccess
            {
                ChildId = sam, AreaId = lead.AreaId, UserAccountId = lead.UserAccountId, Name = lead.UserAccount.DisplayName, OrganisationId = lead.OrganisationId,
                OrganisationName = lead.Organisation!.Name, Reason = "A safeguarding call came in out of hours", From = now.AddMinutes(-5), Until = now.AddHours(1),
            });
            await db.SaveChangesAsync();
        }

        var children = await App.QueryAsync(db => db.Children.Select(c => new
        {
            c.Id,
            c.FirstName,
            AskedFirst = c.FamilyMembers.Select(f => (Guid?)f.UserAccountId).FirstOrDefault()
                ?? c.TeamMembers.Where(t => t.LeftAt == null && t.Professional!.DeactivatedAt == null).Select(t => (Guid?)t.Professional!.UserAccountId).FirstOrDefault(),
        }).ToListAsync());
        var people = await App.QueryAsync(db => db.Users.Select(u => new { u.Id, u.Email }).ToListAsync());
        var answers = new List<string>();
        foreach (var child in children.Where(c => c.AskedFirst is not null))
        {
            foreach (var person in people)
            {
                var alone = Describe(await AccessAsync(child.Id, person.Id));
                Assert.Equal($"{child.FirstName}, {person.Email}: {alone}", $"{child.FirstName}, {person.Email}: {Describe(await AccessAsync(child.Id, person.Id, child.AskedFirst))}");
                answers.Add($"{child.FirstName}, {person.Email}: {alone}");
            }
        }

        // The comparison covered each way of having access and of having none.
        Assert.Contains(answers, a => a.StartsWith("Samuel, parent@example.org: ChildRelationship { Kind = ParentCarer", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.StartsWith("Samuel, senco@example.org: ChildRelationship { Kind = TeamMember, IsKeyWorker = True", StringComparison.Ordinal));
        Assert.Contains("Samuel, therapist@example.org: no access", answers);
        Assert.Contains("Samuel, transport@example.org: no access", answers);
        Assert.Contains(answers, a => a.Contains("Kind = YoungPerson", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.StartsWith($"Samuel, {emergencyReader}: ChildRelationship {{ Kind = EmergencyReader", StringComparison.Ordinal));
    }
}
