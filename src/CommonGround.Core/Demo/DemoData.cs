using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.Demo;

public sealed record DemoAccount(string Email, string Name, string Description);

/// <summary>A fictional local authority area with its organisations, staff and families, for trying the service.</summary>
public sealed class DemoData(CommonGroundDbContext db, IPasswordHasher<UserAccount> passwordHasher, TimeProvider timeProvider)
{
    public const string Password = "CommonGround-demo-2026";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("parent@example.org", "Alex Morgan", "Parent carer of Sam and Ellie"),
        new("youngperson@example.org", "Jordan Reid", "A young person, 17, with their own account"),
        new("senco@example.org", "Priya Nair", "SENCO at Brookside Primary School, Sam's key worker"),
        new("omar.shah@example.org", "Omar Shah", "Deputy SENCO at Brookside Primary School, covering for Priya this week"),
        new("caseworker@example.org", "Tom Hughes", "SEND caseworker at Northvale Council"),
        new("send.lead@example.org", "Ruth Adeyemi", "SEND team leader at Northvale Council, who sees the area's 20-week timeliness and can open a record in an emergency"),
        new("therapist@example.org", "Grace Okafor", "Speech and language therapist, Northvale Community NHS Trust"),
        new("transport@example.org", "Dan Whitfield", "Transport officer at Northvale Council"),
        new("orgadmin@example.org", "Helen Brooks", "Admin of Brookside Primary School"),
        new("admin@example.org", "Service Admin", "Service admin for this CommonGround"),
    ];

    /// <summary>
    /// Adds the demo data if, and only if, the database holds no areas and no accounts: the people, and unless
    /// <paramref name="withHistory"/> is false, what has already happened on their records.
    /// </summary>
    public async Task<bool> SeedIfEmptyAsync(bool withHistory = true, CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var now = timeProvider.UtcNow();
        var today = timeProvider.TodayInUk();
        var passwordHash = passwordHasher.HashPassword(null!, Password);

        var area = new Area { Name = "Northvale", Code = "NV", CreatedAt = now };
        db.Areas.Add(area);

        Organisation Org(string name, OrganisationKind kind, string email)
        {
            var org = new Organisation { AreaId = area.Id, Name = name, Kind = kind, ContactEmail = email, CreatedAt = now };
            db.Organisations.Add(org);
            return org;
        }

        var council = Org("Northvale Council SEND Team", OrganisationKind.LocalAuthority, "send@northvale.example.org");
        var transport = Org("Northvale Council Home to School Transport", OrganisationKind.Transport, "transport@northvale.example.org");
        var brookside = Org("Brookside Primary School", OrganisationKind.School, "office@brookside.example.org");
        Org("Hillcrest Academy", OrganisationKind.School, "office@hillcrest.example.org");
        var nhs = Org("Northvale Community NHS Trust", OrganisationKind.Health, "slt@northvale-nhs.example.org");
        Org("Northvale Children's Social Care", OrganisationKind.SocialCare, "childrens.services@northvale.example.org");

        UserAccount User(string email, string name, AccountKind kind)
        {
            var user = new UserAccount
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                DisplayName = name,
                Kind = kind,
                CreatedAt = now,
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            return user;
        }

        Professional Staff(string email, string name, Organisation org, string jobTitle, bool admin = false)
        {
            var professional = new Professional
            {
                UserAccountId = User(email, name, AccountKind.Professional).Id,
                OrganisationId = org.Id,
                AreaId = area.Id,
                JobTitle = jobTitle,
                IsOrganisationAdmin = admin,
                JoinedAt = now,
            };
            db.Professionals.Add(professional);
            return professional;
        }

        var senco = Staff("senco@example.org", "Priya Nair", brookside, "SENCO");
        var helen = Staff("orgadmin@example.org", "Helen Brooks", brookside, "School business manager", admin: true);
        var omar = Staff("omar.shah@example.org", "Omar Shah", brookside, "Deputy SENCO");
        var caseworker = Staff("caseworker@example.org", "Tom Hughes", council, "SEND caseworker");
        var ruth = Staff("send.lead@example.org", "Ruth Adeyemi", council, "SEND team leader", admin: true);
        var therapist = Staff("therapist@example.org", "Grace Okafor", nhs, "Speech and language therapist", admin: true);
        var transportOfficer = Staff("transport@example.org", "Dan Whitfield", transport, "Transport officer", admin: true);
        User("admin@example.org", "Service Admin", AccountKind.ServiceAdmin);

        Child Child(string first, string last, DateOnly dateOfBirth, string? preferred = null)
        {
            var child = new Child { AreaId = area.Id, FirstName = first, LastName = last, PreferredName = preferred, DateOfBirth = dateOfBirth, CreatedAt = now };
            db.Children.Add(child);
            return child;
        }

        void Family(UserAccount user, Child child, FamilyRelationship relationship) =>
            db.FamilyMembers.Add(new FamilyMember { ChildId = child.Id, UserAccountId = user.Id, Relationship = relationship, JoinedAt = now });

        // Ages are set from today so the demo stays true: Jordan is always 17.
        var alex = User("parent@example.org", "Alex Morgan", AccountKind.Family);
        var sam = Child("Samuel", "Morgan", today.AddYears(-9).AddDays(-140), preferred: "Sam");
        Family(alex, sam, FamilyRelationship.ParentCarer);
        var ellie = Child("Ellie", "Morgan", today.AddYears(-6).AddDays(-45));
        Family(alex, ellie, FamilyRelationship.ParentCarer);

        var jordan = Child("Jordan", "Reid", today.AddYears(-17).AddDays(-200));
        var jordanAccount = User("youngperson@example.org", "Jordan Reid", AccountKind.Family);
        Family(jordanAccount, jordan, FamilyRelationship.YoungPerson);
        Family(User("dee.reid@example.org", "Dee Reid", AccountKind.Family), jordan, FamilyRelationship.ParentCarer);

        // The team around Sam, each seeing only what the family chose to share.
        TeamMember Team(Child child, Professional professional, string role, UserAccount sharedBy, bool keyWorker, params RecordArea[] areas)
        {
            var member = new TeamMember { ChildId = child.Id, ProfessionalId = professional.Id, AreaId = area.Id, Role = role, IsKeyWorker = keyWorker, JoinedAt = now, AddedByUserId = sharedBy.Id };
            db.TeamMembers.Add(member);
            foreach (var shared in areas)
            {
                db.SharingConsents.Add(new SharingConsent { TeamMemberId = member.Id, ChildId = child.Id, Area = shared, From = today, GrantedByUserId = sharedBy.Id, GrantedAt = now });
            }

            return member;
        }

        var sencoOnSam = Team(sam, senco, "SENCO at Sam's school", alex, keyWorker: true, RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns);
        var therapistOnSam = Team(sam, therapist, "Speech and language therapist", alex, keyWorker: false, RecordArea.AboutMe, RecordArea.Health, RecordArea.Commitments);
        Team(sam, caseworker, "SEND caseworker", alex, keyWorker: false, RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess);
        Team(sam, transportOfficer, "Transport officer", alex, keyWorker: false, RecordArea.AboutMe, RecordArea.Transport, RecordArea.Concerns);
        var caseworkerOnJordan = Team(jordan, caseworker, "SEND caseworker", jordanAccount, keyWorker: true, RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess, RecordArea.Commitments);

        var sunita = User("sunita.shah@example.org", "Sunita Shah", AccountKind.Family);
        var arjun = Child("Arjun", "Shah", today.AddYears(-11).AddDays(-30));
        Family(sunita, arjun, FamilyRelationship.ParentCarer);
        Family(sunita, Child("Maya", "Shah", today.AddYears(-4).AddDays(-90)), FamilyRelationship.ParentCarer);

        if (withHistory)
        {
            var (jordansDraft, jordansFinal) = AddStatutoryProcesses(now, today, caseworker, alex, sam, jordan);
            var samsPlan = DemoPlan.Add(db, MondayOf(today), alex, sam, sencoOnSam, therapistOnSam, senco, therapist);
            DemoDocuments.Add(db, MondayOf(today), sam, samsPlan, therapist, therapistOnSam, senco, alex);
            DemoPlan.AddJordans(db, MondayOf(today), jordanAccount, jordan, caseworkerOnJordan, caseworker, jordansDraft, jordansFinal);
            var sarah = Staff("sarah.jones@example.org", "Sarah Jones", brookside, "Teaching assistant");
            DemoContinuity.Add(db, MondayOf(today), today, sam, alex, senco, sencoOnSam, omar, sarah, helen, brookside, Team);
            DemoConcernsAndMeetings.Add(db, MondayOf(today), now, sam, alex, senco, omar, transportOfficer, brookside, transport);
            DemoLanguage.Add(db, today, brookside);
            DemoDataRights.Add(db, now, jordan, jordanAccount);
            DemoDataRights.AddEmergency(db, MondayOf(today), ellie, ruth, "Ruth Adeyemi", council);
            Team(arjun, caseworker, "SEND caseworker", sunita, keyWorker: true, RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess);
            DemoDataRights.AddClosed(db, MondayOf(today), arjun, caseworker, "Tom Hughes");
            DemoDataRights.AddErasureRequest(db, MondayOf(today), arjun, sunita);
        }

        db.AuditEvents.Add(AuditEvent.For(Actor.System, now, "demo.seeded", "Demo", null, "Added the Northvale demo data"));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // The deliveries above were written as history, all at once, so each commitment's totals are counted from them.
        await DeliveryTotals.RecountAsync(db, db.Commitments, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Sam's needs assessment is under way: the council decided on time and the psychologist's advice came in, but the
    /// speech and language therapy advice is overdue, so the family sees one date missed by someone else and can chase it.
    /// Jordan's plan came on time last year, after the family chose not to comment on the draft (a right that passed,
    /// never "missed"), and the first annual review is coming up.
    /// </summary>
    /// <returns>The days Jordan's draft and final EHC plans were sent, which the demo's plan follows.</returns>
    private (DateOnly Draft, DateOnly Final) AddStatutoryProcesses(DateTime now, DateOnly today, Professional caseworker, UserAccount parent, Child sam, Child jordan)
    {
        // What was recorded goes into each child's history as it would have, so the chronology shows it from the start.
        var tom = new UserActor(caseworker.UserAccountId, "Tom Hughes") { OrganisationId = caseworker.OrganisationId };

        StatutoryProcess Start(Child child, StatutoryProcessKind kind, DateOnly on)
        {
            var process = new StatutoryProcess
            {
                ChildId = child.Id, AreaId = child.AreaId, Kind = kind, StartedAt = Noon(on), StartedByUserId = caseworker.UserAccountId, StartedByName = "Tom Hughes",
            };
            db.StatutoryProcesses.Add(process);
            db.AuditEvents.Add(StatutoryChanges.Started(tom, process, process.StartedAt));
            return process;
        }

        static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

        void Happened(StatutoryProcess process, StatutoryEventKind kind, DateOnly on, string? detail = null, bool byParent = false)
        {
            var recorded = new StatutoryEvent
            {
                ProcessId = process.Id, ChildId = process.ChildId, Kind = kind, OccurredOn = on, Detail = detail,
                RecordedAt = Noon(on) < now ? Noon(on) : now,
                RecordedByUserId = byParent ? parent.Id : caseworker.UserAccountId, RecordedByName = byParent ? "Alex Morgan" : "Tom Hughes", RecordedByFamily = byParent,
            };
            if (byParent)
            {
                recorded.Confirm("Tom Hughes", recorded.RecordedAt);
            }

            process.Events.Add(recorded);
            db.StatutoryEvents.Add(recorded);
            process.Refresh(Timescales.England);
            db.AuditEvents.Add(StatutoryChanges.Recorded(byParent ? new UserActor(parent.Id, "Alex Morgan") : tom, process, recorded, recorded.RecordedAt));
        }

        // Counted in weeks from this week's Monday, so every event falls on a working day whatever day it is today.
        var monday = MondayOf(today);
        DateOnly Week(DateOnly from, int weeks, int days = 0) => from.AddDays((7 * weeks) + days);

        // Received on a Wednesday 15 weeks ago: decided in week 5, advice asked for in week 6 and due 6 weeks later.
        var received = Week(monday, -15, 2);
        var assessment = Start(sam, StatutoryProcessKind.NeedsAssessment, received);
        Happened(assessment, StatutoryEventKind.RequestReceived, received, "Parent", byParent: true);
        Happened(assessment, StatutoryEventKind.DecisionToAssess, Week(received, 5, 2));
        Happened(assessment, StatutoryEventKind.AdviceRequested, Week(monday, -9), "Educational psychologist");
        Happened(assessment, StatutoryEventKind.AdviceRequested, Week(monday, -9), "Speech and language therapy");
        Happened(assessment, StatutoryEventKind.AdviceReceived, Week(monday, -4, 3), "Educational psychologist");

        // Received on a Tuesday 57 weeks ago; the draft came in week 17 and the final plan in week 19, both in time.
        var jordansRequest = Week(monday, -57, 1);
        var finalPlan = Week(jordansRequest, 19, 3);
        var jordansAssessment = Start(jordan, StatutoryProcessKind.NeedsAssessment, jordansRequest);
        Happened(jordansAssessment, StatutoryEventKind.RequestReceived, jordansRequest, "Jordan");
        Happened(jordansAssessment, StatutoryEventKind.DecisionToAssess, Week(jordansRequest, 5, 3));
        Happened(jordansAssessment, StatutoryEventKind.AdviceRequested, Week(jordansRequest, 6, 1), "Educational psychologist");
        Happened(jordansAssessment, StatutoryEventKind.AdviceReceived, Week(jordansRequest, 10, 2), "Educational psychologist");
        Happened(jordansAssessment, StatutoryEventKind.DraftPlanServed, Week(jordansRequest, 17, 1));
        Happened(jordansAssessment, StatutoryEventKind.FinalPlanIssued, finalPlan);
        var review = Start(jordan, StatutoryProcessKind.AnnualReview, finalPlan);
        Happened(review, StatutoryEventKind.PlanMadeOrReviewed, finalPlan);
        return (Week(jordansRequest, 17, 1), finalPlan);
    }
}
