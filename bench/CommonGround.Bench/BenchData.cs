using CommonGround.Core.Notifications;
using CommonGround.Core.Advice;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Plans;
using CommonGround.Core.Concerns;
using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Core.Statutory;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Profiles;
using CommonGround.Core.Team;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Bench;

/// <summary>The generated people the load harness signs in as, and the records it opens.</summary>
public sealed record BenchPeople(string Professional, string Parent, Guid BusyChild, Guid ProfessionalsChild, string Lead, string KeyWorker, string Caseworker, Guid AreaId, Guid BusyChildPlan,
    IReadOnlyList<(int Caseload, string Email)> Caseloads);

/// <summary>
/// Generates one local authority area with many children, each with a family, a team around them, sharing decisions,
/// an About me profile, a history of changes and a log of who has seen it. The same seed gives the same data.
/// </summary>
public sealed class BenchData(Func<CommonGroundDbContext> newContext, int children)
{
    public const string Password = "CommonGround-bench-2026";
    public const string ProfessionalEmail = "bench.professional@example.org";
    public const string ParentEmail = "bench.parent@example.org";
    public const string LeadEmail = "bench.lead@example.org";
    public const string KeyWorkerEmail = "bench.keyworker@example.org";
    public const string CaseworkerEmail = "bench.caseworker@example.org";
    /// <summary>The bench key worker is key worker for this many children, about a school SENCO's share.</summary>
    public const int KeyWorkersChildren = 40;
    /// <summary>The bench caseworker is on this many children's teams, a heavy local authority caseload.</summary>
    public const int CaseworkersChildren = 600;
    public const int ProfessionalsTeams = 300;
    /// <summary>
    /// Caseworkers alike in all but the size of their caseload (each on that many children's teams, owing one commitment
    /// and asked for advice about each), so a list page can be timed for each and its cost shown not to grow with it.
    /// </summary>
    public static readonly int[] GrowthCaseloads = [40, 600, 3_000];
    public const int BusyChildViews = 5_000;
    public const int BusyChildCommitments = 200;
    public const int BusyChildDeliveries = 10_000;
    private const int BatchSize = 5_000;

    private static readonly string[] FirstNames = ["Sam", "Ellie", "Jordan", "Arjun", "Maya", "Oliver", "Amelia", "Noah", "Isla", "Leo", "Ava", "Muhammad", "Freya", "Alfie", "Zara", "Harry", "Ivy", "Theo", "Grace", "Kai", "Aisha", "Finley", "Poppy", "Ezra", "Lily", "Reuben", "Nia", "Oscar", "Hana", "Jack"];
    private static readonly string[] LastNames = ["Morgan", "Reid", "Shah", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Khan", "Patel", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green", "Hall", "Okafor", "Nowak", "Murphy", "Ali", "Campbell", "Kelly", "Price", "Lewis", "Clarke", "Begum"];
    private static readonly string[] Sentences =
    [
        "I like trains, drawing and being outside.", "Loud, busy rooms are hard for me.", "I need time to answer questions.",
        "Please tell me before something changes.", "My brother and my gran are very important to me.", "I use a visual timetable at school.",
        "I can get upset when I am rushed.", "I am good at remembering facts about animals.", "A quiet space helps me calm down.",
        "I communicate with short sentences and some signs.", "I take medicine at lunchtime.", "I travel to school in a taxi with an escort.",
    ];

    private readonly Random _random = new(20_000);
    private readonly DateTime _now = TimeProvider.System.GetUtcNow().UtcDateTime;

    public async Task<BenchPeople> GenerateAsync(Action<string> progress)
    {
        var passwordHash = new PasswordHasher<UserAccount>().HashPassword(null!, Password);
        var area = new Area { Name = "Benchfield", Code = "BF", CreatedAt = _now };
        var organisations = new List<Organisation>();
        var staff = new Dictionary<OrganisationKind, List<(Professional Professional, UserAccount Account, Organisation Organisation)>>();
        var pending = new List<object> { area };

        UserAccount Account(string email, string name, AccountKind kind) => new()
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString(), DisplayName = name, Kind = kind,
            CreatedAt = _now, LockoutEnabled = true,
        };

        void Organisations(OrganisationKind kind, string name, int count, int staffEach)
        {
            for (var o = 0; o < count; o++)
            {
                var organisation = new Organisation { AreaId = area.Id, Name = count == 1 ? name : $"{name} {o + 1}", Kind = kind, CreatedAt = _now };
                organisations.Add(organisation);
                pending.Add(organisation);
                for (var s = 0; s < staffEach; s++)
                {
                    var account = Account($"{kind.ToString().ToLowerInvariant()}.{o}.{s}@bench.example.org", $"{Pick(FirstNames)} {Pick(LastNames)}", AccountKind.Professional);
                    var professional = new Professional { UserAccountId = account.Id, OrganisationId = organisation.Id, AreaId = area.Id, JobTitle = "Practitioner", JoinedAt = _now };
                    pending.Add(account);
                    pending.Add(professional);
                    (staff.TryGetValue(kind, out var list) ? list : staff[kind] = []).Add((professional, account, organisation));
                }
            }
        }

        var schools = Math.Max(1, children / 330);
        Organisations(OrganisationKind.School, "Benchfield School", schools, 10);
        Organisations(OrganisationKind.Health, "Benchfield NHS Trust", 2, Math.Max(10, children / 400));
        Organisations(OrganisationKind.LocalAuthority, "Benchfield Council SEND Team", 1, Math.Max(10, children / 500));
        Organisations(OrganisationKind.SocialCare, "Benchfield Children's Social Care", 1, Math.Max(5, children / 700));
        Organisations(OrganisationKind.Transport, "Benchfield Home to School Transport", 1, Math.Max(3, children / 2_000));

        // The professional the harness signs in as: a therapist on 300 children's teams.
        var benchAccount = Account(ProfessionalEmail, "Bench Professional", AccountKind.Professional);
        var benchProfessional = new Professional { UserAccountId = benchAccount.Id, OrganisationId = staff[OrganisationKind.Health][0].Organisation.Id, AreaId = area.Id, JobTitle = "Speech and language therapist", JoinedAt = _now };
        pending.Add(benchAccount);
        pending.Add(benchProfessional);

        // The local authority's SEND lead, who reads the area's timeliness report.
        var leadAccount = Account(LeadEmail, "Bench Lead", AccountKind.Professional);
        var council = staff[OrganisationKind.LocalAuthority][0].Organisation;
        pending.Add(leadAccount);
        pending.Add(new Professional { UserAccountId = leadAccount.Id, OrganisationId = council.Id, AreaId = area.Id, JobTitle = "SEND team leader", IsOrganisationAdmin = true, JoinedAt = _now });

        // A school's key worker, and a local authority caseworker with a heavy caseload, whose attention lists are measured.
        var keyWorkerAccount = Account(KeyWorkerEmail, "Bench Key Worker", AccountKind.Professional);
        var keyWorker = (new Professional { UserAccountId = keyWorkerAccount.Id, OrganisationId = staff[OrganisationKind.School][0].Organisation.Id, AreaId = area.Id, JobTitle = "SENCO", JoinedAt = _now },
            keyWorkerAccount, staff[OrganisationKind.School][0].Organisation);
        var caseworkerAccount = Account(CaseworkerEmail, "Bench Caseworker", AccountKind.Professional);
        var caseworker = (new Professional { UserAccountId = caseworkerAccount.Id, OrganisationId = council.Id, AreaId = area.Id, JobTitle = "SEND caseworker", JoinedAt = _now },
            caseworkerAccount, council);
        pending.AddRange([keyWorkerAccount, keyWorker.Item1, caseworkerAccount, caseworker.Item1]);
        var caseloads = GrowthCaseloads.Select(size => Math.Min(size, children)).Distinct().Select(size =>
        {
            var account = Account(CaseloadEmail(size), $"Bench Caseworker {size}", AccountKind.Professional);
            pending.Add(account);
            var professional = new Professional { UserAccountId = account.Id, OrganisationId = council.Id, AreaId = area.Id, JobTitle = "SEND caseworker", JoinedAt = _now };
            pending.Add(professional);
            return (Size: size, Who: (professional, account, council));
        }).ToList();
        await SaveAsync(pending);
        progress($"{organisations.Count} organisations, {staff.Values.Sum(s => s.Count) + 1} staff");

        var today = DateOnly.FromDateTime(_now);
        Guid busyChild = default, professionalsChild = default, busyChildPlan = default;
        for (var c = 0; c < children; c++)
        {
            var child = new Child
            {
                AreaId = area.Id, FirstName = Pick(FirstNames), LastName = Pick(LastNames),
                DateOfBirth = today.AddDays(-_random.Next(3 * 365, 19 * 365)), CreatedAt = _now.AddDays(-_random.Next(30, 900)),
            };
            pending.Add(child);
            var parentEmail = c == 0 ? ParentEmail : $"parent.{c}@bench.example.org";
            var parent = Account(parentEmail, $"{Pick(FirstNames)} {child.LastName}", AccountKind.Family);
            pending.Add(parent);
            pending.Add(new FamilyMember { ChildId = child.Id, UserAccountId = parent.Id, Relationship = FamilyRelationship.ParentCarer, JoinedAt = child.CreatedAt });
            if (_random.Next(10) == 0)
            {
                var second = Account($"carer.{c}@bench.example.org", $"{Pick(FirstNames)} {child.LastName}", AccountKind.Family);
                pending.Add(second);
                pending.Add(new FamilyMember { ChildId = child.Id, UserAccountId = second.Id, Relationship = FamilyRelationship.ParentCarer, JoinedAt = child.CreatedAt });
            }

            // The team: someone from the child's school as key worker, then others who support them.
            var school = c < KeyWorkersChildren ? keyWorker : staff[OrganisationKind.School][(c % schools * 10) + _random.Next(10)];
            var team = new List<((Professional Professional, UserAccount Account, Organisation Organisation) Who, RecordArea[] Areas)>
            {
                (school, [RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns]),
            };
            if (_random.Next(2) == 0)
            {
                team.Add((Pick(staff[OrganisationKind.Health]), [RecordArea.AboutMe, RecordArea.Health]));
            }

            if (_random.Next(3) > 0)
            {
                team.Add((Pick(staff[OrganisationKind.LocalAuthority]), [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess]));
            }

            if (_random.Next(5) == 0)
            {
                team.Add((Pick(staff[OrganisationKind.SocialCare]), [RecordArea.AboutMe, RecordArea.SocialCare, RecordArea.Concerns]));
            }

            if (_random.Next(4) == 0)
            {
                team.Add((Pick(staff[OrganisationKind.Transport]), [RecordArea.AboutMe, RecordArea.Transport]));
            }

            if (c % (children / ProfessionalsTeams) == 0 && c / (children / ProfessionalsTeams) < ProfessionalsTeams)
            {
                team.Add(((benchProfessional, benchAccount, staff[OrganisationKind.Health][0].Organisation), [RecordArea.AboutMe, RecordArea.Health, RecordArea.Commitments]));
                professionalsChild = professionalsChild == default ? child.Id : professionalsChild;
            }

            if (c % (children / CaseworkersChildren) == 0 && c / (children / CaseworkersChildren) < CaseworkersChildren)
            {
                team.Add((caseworker, [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess, RecordArea.Concerns, RecordArea.Commitments, RecordArea.Meetings]));
            }

            foreach (var (_, who) in caseloads.Where(g => c < g.Size))
            {
                team.Add((who, [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess, RecordArea.Concerns, RecordArea.Commitments, RecordArea.Meetings]));
            }

            foreach (var (who, areas) in team.DistinctBy(t => t.Who.Professional.Id))
            {
                var member = new TeamMember { ChildId = child.Id, ProfessionalId = who.Professional.Id, AreaId = area.Id, Role = who.Professional.JobTitle, IsKeyWorker = who == school, JoinedAt = child.CreatedAt, AddedByUserId = parent.Id };
                pending.Add(member);
                foreach (var shared in areas)
                {
                    pending.Add(new SharingConsent { TeamMemberId = member.Id, ChildId = child.Id, Area = shared, From = DateOnly.FromDateTime(child.CreatedAt), GrantedByUserId = parent.Id, GrantedAt = child.CreatedAt });
                }

                pending.Add(AuditEvent.ForChild(new UserActor(parent.Id, parent.DisplayName), child.Id, area.Id, child.CreatedAt,
                    new ChildChange(AuditActions.TeamMemberJoined, null, $"{who.Account.DisplayName} joined the team", new ChangeSubject.Team())));
            }

            // Commitments: most children have a few from their key worker, recorded week by week; the bench professional
            // owes one or two to each of their 300 children, and 200 (with 10,000 records of delivery) to the first.
            var promised = new List<Commitment>();
            for (var k = _random.Next(4); k > 0; k--)
            {
                promised.Add(AddCommitment(pending, child.Id, area.Id, school, CommitmentArea.Education, today, _random.Next(4, 30)));
            }

            // Each growth caseworker owes this child one commitment and was asked for their advice.
            foreach (var (_, who) in caseloads.Where(g => c < g.Size))
            {
                AddCommitment(pending, child.Id, area.Id, who, CommitmentArea.Education, today, _random.Next(2, 8));
                pending.Add(AdviceAsked(child, who, school, RecordArea.Education, today));
            }

            if (team.Any(t => t.Who.Professional.Id == benchProfessional.Id))
            {
                var bench = (benchProfessional, benchAccount, staff[OrganisationKind.Health][0].Organisation);
                var owed = c == 0 ? BusyChildCommitments : 1 + _random.Next(2);
                for (var k = 0; k < owed; k++)
                {
                    var commitment = AddCommitment(pending, child.Id, area.Id, bench, CommitmentArea.Health, today, c == 0 ? BusyChildDeliveries / BusyChildCommitments : _random.Next(4, 30));
                    if (k < 3)
                    {
                        promised.Add(commitment);
                    }
                }

                // The school asked the professional for advice about each of these children; a third is given.
                var advice = AdviceAsked(child, (benchProfessional, benchAccount, staff[OrganisationKind.Health][0].Organisation), school, RecordArea.Health, today);
                pending.Add(advice);
                var asked = advice.AskedAt;

                // A notification about the child, not yet read: the layout counts what is unread on every page.
                pending.Add(new Notification
                {
                    RecipientUserId = benchAccount.Id, ChildId = child.Id, Area = RecordArea.Health, Kind = NotificationKind.Plans, Title = "You were asked for advice",
                    EmailLine = "You were asked for advice", Link = $"/children/{child.Id}/advice", CreatedAt = asked, EmailDueAt = asked, EmailState = NotificationEmailState.Emailed,
                });
            }

            // Every child has an agreed SEN support plan from their school, its provision the commitments above (up to
            // three of the busy child's 200: the rest were promised outside the plan).
            var plan = AddPlan(pending, child, school, parent, promised);
            busyChildPlan = c == 0 ? plan.Id : busyChildPlan;

            // Every child has been through a needs assessment in the last three years; most have a final plan, about
            // 6 in 10 within 20 weeks, and a few had exceptional circumstances recorded.
            AddNeedsAssessment(pending, child.Id, area.Id, staff[OrganisationKind.LocalAuthority][_random.Next(staff[OrganisationKind.LocalAuthority].Count)], today);

            // Concerns, conversations and meetings: what the attention list reads.
            AddConcerns(pending, child, parent, school, council);
            AddContact(pending, child, parent, school);

            // About me: most families have written most sections, some more than once.
            if (_random.Next(10) < 8)
            {
                foreach (var kind in ProfileSections.All.Where(_ => _random.Next(10) < 8))
                {
                    var section = new ProfileSection { ChildId = child.Id, Section = kind };
                    // Edits are in the past, never after the data was made, as the audit log would have them.
                    var when = Past(child.CreatedAt.AddDays(_random.Next(1, 30)));
                    for (var edit = 0; edit < 1 + _random.Next(3); edit++)
                    {
                        var text = string.Join(" ", Enumerable.Range(0, 2 + _random.Next(5)).Select(_ => Pick(Sentences)));
                        if (section.Change(text, parent.Id, parent.DisplayName, when) is { } version)
                        {
                            pending.Add(version);
                            pending.Add(AuditEvent.ForChild(new UserActor(parent.Id, parent.DisplayName), child.Id, area.Id, when,
                                new ChildChange(AuditActions.ProfileChanged, kind.Area(), $"Changed \"{kind.Title()}\"", new ChangeSubject.AboutMeSection(kind))));
                        }

                        when = Past(when.AddDays(_random.Next(1, 60)));
                    }

                    pending.Add(section);
                }
            }

            // Who has seen: a few views by the team; one child whose record has been read very often.
            var views = Enumerable.Range(0, c == 0 ? BusyChildViews : _random.Next(25)).Select(v =>
            {
                var viewer = team[_random.Next(team.Count)].Who;
                return new AccessLogEntry
                {
                    ChildId = child.Id, ViewerUserId = viewer.Account.Id, ViewerName = viewer.Account.DisplayName, OrganisationId = viewer.Organisation.Id,
                    OrganisationName = viewer.Organisation.Name, Area = v % 3 == 0 ? null : RecordArea.AboutMe, What = v % 3 == 0 ? "Overview" : "About me",
                    ViewedAt = _now.AddMinutes(-_random.Next(1, 60 * 24 * 365)),
                };
            }).ToList();
            AccessLogVisit.Place(views, before: null);
            pending.AddRange(views);

            if (c == 0)
            {
                busyChild = child.Id;
            }

            if (pending.Count >= BatchSize)
            {
                await SaveAsync(pending);
            }

            if ((c + 1) % 2_000 == 0)
            {
                progress($"{c + 1:N0} children");
            }
        }

        await SaveAsync(pending);
        await using (var db = newContext())
        {
            // Deliveries were written as history, so each commitment's totals are counted from them once.
            await DeliveryTotals.RecountAsync(db, db.Commitments);
        }

        return new BenchPeople(ProfessionalEmail, ParentEmail, busyChild, professionalsChild, LeadEmail, KeyWorkerEmail, CaseworkerEmail, area.Id, busyChildPlan,
            caseloads.Select(g => (g.Size, CaseloadEmail(g.Size))).ToList());
    }

    private static string CaseloadEmail(int size) => $"bench.caseload.{size}@example.org";

    /// <summary>The child's school asked the adviser for advice a while ago; a third of such requests have been answered.</summary>
    private AdviceRequest AdviceAsked(Child child, (Professional Professional, UserAccount Account, Organisation Organisation) adviser,
        (Professional Professional, UserAccount Account, Organisation Organisation) school, RecordArea part, DateOnly today)
    {
        var asked = child.CreatedAt.AddDays(_random.Next(1, 60));
        var (_, asker, askersSchool) = school;
        var advice = new AdviceRequest
        {
            ChildId = child.Id, AreaId = child.AreaId, Part = part, About = "How they are getting on, for the plan's review",
            AdviserUserId = adviser.Account.Id, AdviserName = adviser.Account.DisplayName, AdviserOrganisationName = adviser.Organisation.Name,
            AskedByUserId = asker.Id, AskedByName = asker.DisplayName, AskedByOrganisationName = askersSchool.Name,
            AskedAt = asked, DueOn = today.AddDays(_random.Next(-20, 40)),
        };
        if (_random.Next(3) == 0)
        {
            advice.Give("Progress is steady; the recommendations below would help most.", null,
                ["Support in school, 30 minutes a week", "A visual timetable on the desk", "Instructions one at a time, with a gesture"], asked.AddDays(20));
        }

        return advice;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>
    /// Weekly provision that started a while ago, agreed, with a record for most weeks since (a few missed). It is about
    /// the owner's own field (a school's about education, a therapist's about health), so the owner can see it.
    /// </summary>
    private SupportPlan AddPlan(List<object> pending, Child child, (Professional Professional, UserAccount Account, Organisation Organisation) school, UserAccount parent, IReadOnlyList<Commitment> provision)
    {
        var plan = new SupportPlan
        {
            ChildId = child.Id, AreaId = child.AreaId, Kind = PlanKind.SenSupport, OrganisationId = school.Organisation.Id, OrganisationName = school.Organisation.Name,
            AuthorUserId = school.Account.Id, AuthorName = school.Account.DisplayName, CreatedAt = _now.AddDays(-_random.Next(30, 120)),
        };
        var position = 0;
        PlanLine Line(PlanLineKind kind, RecordArea part, string text)
        {
            var line = new PlanLine { PlanId = plan.Id, ChildId = child.Id, Kind = kind, Part = part, Position = ++position, Text = text };
            plan.Lines.Add(line);
            return line;
        }

        Line(PlanLineKind.Need, RecordArea.Education, Pick(Sentences)).BroadArea = BroadAreaOfNeed.CommunicationAndInteraction;
        Line(PlanLineKind.Need, RecordArea.Health, Pick(Sentences)).BroadArea = BroadAreaOfNeed.SensoryAndPhysical;
        var outcomes = new[] { Line(PlanLineKind.Outcome, RecordArea.Education, Pick(Sentences)), Line(PlanLineKind.Outcome, RecordArea.Health, Pick(Sentences)) };
        foreach (var commitment in provision)
        {
            var line = Line(PlanLineKind.Provision, commitment.RecordArea == CommitmentArea.Health ? RecordArea.Health : RecordArea.Education, commitment.What);
            line.ProviderName = commitment.OwnerName;
            line.ProviderOrganisationName = commitment.OwnerOrganisationName;
            line.Quantity = commitment.QuantityPerPeriod;
            line.Unit = commitment.Unit;
            line.MinutesPerSession = commitment.MinutesPerSession;
            line.Period = commitment.Period;
            line.StartDate = commitment.StartDate;
            line.TermTimeOnly = commitment.TermTimeOnly;
            line.Serves = outcomes[0].Id.ToString();
            line.CommitmentId = commitment.Id;
        }

        plan.Share(plan.CreatedAt.AddDays(7));
        foreach (var line in plan.Lines)
        {
            pending.Add(new PlanResponse
            {
                PlanId = plan.Id, ChildId = child.Id, LineId = line.Id, LineRevision = line.Revision, PlanNumber = 1, Answer = PlanAnswer.Agree,
                ByUserId = parent.Id, ByName = parent.DisplayName, At = plan.CreatedAt.AddDays(9),
            });
        }

        plan.Agree(plan.CreatedAt.AddDays(10), DateOnly.FromDateTime(plan.CreatedAt.AddDays(10)), "");
        pending.Add(plan);
        pending.Add(new PlanVersion
        {
            PlanId = plan.Id, ChildId = child.Id, Number = 1, Stage = PlanVersionStage.Agreed, Content = PlanContent.Of(plan, []).ToJson(), At = plan.CreatedAt.AddDays(10), ByName = school.Account.DisplayName,
        });
        return plan;
    }

    private Commitment AddCommitment(List<object> pending, Guid childId, Guid areaId, (Professional Professional, UserAccount Account, Organisation Organisation) owner, CommitmentArea about, DateOnly today, int deliveries)
    {
        var start = today.AddDays(-7 * (deliveries + _random.Next(0, 4)) - 7);
        var commitment = new Commitment
        {
            ChildId = childId, AreaId = areaId, What = Pick(Provision), RecordArea = about, Source = CommitmentSource.Plan,
            OwnerProfessionalId = owner.Professional.Id, OwnerName = owner.Account.DisplayName, OwnerOrganisationId = owner.Organisation.Id, OwnerOrganisationName = owner.Organisation.Name,
            Kind = CommitmentKind.Recurring, QuantityPerPeriod = 1 + _random.Next(3), Unit = ProvisionUnit.Sessions, MinutesPerSession = 30, Period = ProvisionPeriod.Week,
            StartDate = start, TermTimeOnly = _random.Next(2) == 0, CreatedAt = _now.AddDays(-7 * deliveries - 10), CreatedByUserId = owner.Account.Id, CreatedByName = owner.Account.DisplayName,
        };
        commitment.ChangeStatus(CommitmentStatus.Agreed, null, owner.Account.Id, owner.Account.DisplayName, commitment.CreatedAt, start);
        commitment.ChangeStatus(CommitmentStatus.Active, null, owner.Account.Id, owner.Account.DisplayName, commitment.CreatedAt, start);
        pending.Add(commitment);
        for (var d = 0; d < deliveries; d++)
        {
            var delivered = _random.Next(8) > 0;
            var record = new DeliveryRecord
            {
                CommitmentId = commitment.Id, ChildId = childId, Date = start.AddDays(7 * d + _random.Next(5)), Delivered = delivered, Quantity = delivered ? 1 : 0,
                MissedReason = delivered ? null : MissedReason.StaffAbsence, DeliveredBy = delivered ? owner.Account.DisplayName : null,
                RecordedByUserId = owner.Account.Id, RecordedByName = owner.Account.DisplayName, RecordedAt = _now.AddDays(-7 * (deliveries - d)),
            };
            if (_random.Next(20) == 0)
            {
                record.Respond(FamilyResponse.Disputed, "This session did not happen.", "Parent", record.RecordedAt.AddDays(1));
            }

            pending.Add(record);
        }

        return commitment;
    }

    private void AddNeedsAssessment(List<object> pending, Guid childId, Guid areaId, (Professional Professional, UserAccount Account, Organisation Organisation) caseworker, DateOnly today)
    {
        var process = new StatutoryProcess
        {
            ChildId = childId, AreaId = areaId, Kind = StatutoryProcessKind.NeedsAssessment, StartedAt = _now,
            StartedByUserId = caseworker.Account.Id, StartedByName = caseworker.Account.DisplayName,
        };
        var received = today.AddDays(-_random.Next(60, 3 * 365));
        void Event(StatutoryEventKind kind, DateOnly on) => process.Events.Add(new StatutoryEvent
        {
            ProcessId = process.Id, ChildId = childId, Kind = kind, OccurredOn = on, RecordedAt = _now,
            RecordedByUserId = caseworker.Account.Id, RecordedByName = caseworker.Account.DisplayName, RecordedByFamily = false,
        });
        Event(StatutoryEventKind.RequestReceived, received);
        Event(StatutoryEventKind.DecisionToAssess, received.AddDays(_random.Next(28, 50)));
        if (_random.Next(20) == 0)
        {
            Event(StatutoryEventKind.ExceptionalCircumstances, received.AddDays(_random.Next(1, 60)));
        }

        var weeks = _random.Next(10) < 6 ? _random.Next(16, 21) : _random.Next(21, 40);
        var final = received.AddDays(7 * weeks - _random.Next(3));
        if (final <= today && _random.Next(10) < 9)
        {
            Event(StatutoryEventKind.DraftPlanServed, final.AddDays(-_random.Next(15, 30)));
            Event(StatutoryEventKind.FinalPlanIssued, final);
        }

        process.Refresh(Timescales.England);
        pending.Add(process);
    }

    /// <summary>
    /// About one child in three has had concerns in the last two months: most answered and closed, some waiting, a few
    /// past their dates (and escalated), one in ten sent to the local authority's inbox.
    /// </summary>
    private void AddConcerns(List<object> pending, Child child, UserAccount parent, (Professional Professional, UserAccount Account, Organisation Organisation) keyWorker, Organisation council)
    {
        if (_random.Next(3) > 0)
        {
            return;
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        for (var k = 1 + _random.Next(3); k > 0; k--)
        {
            var raised = _now.AddHours(-_random.Next(2, 24 * 60));
            var toCouncil = _random.Next(10) == 0;
            var startsOn = ConcernClock.StartsOn(raised, calendar);
            var concern = new Concern
            {
                ChildId = child.Id, AreaId = child.AreaId, Topic = Pick(ConcernTopics), About = _random.Next(4) == 0 ? RecordArea.Health : RecordArea.Education,
                WhatIsHappening = Pick(Sentences), Urgency = _random.Next(8) == 0 ? ConcernUrgency.Urgent : ConcernUrgency.Standard,
                RaisedAt = raised, RaisedByUserId = parent.Id, RaisedByName = parent.DisplayName, RaisedByFamily = true,
                OwnerOrganisationId = toCouncil ? council.Id : keyWorker.Organisation.Id, OwnerOrganisationName = toCouncil ? council.Name : keyWorker.Organisation.Name,
                OwnerProfessionalId = toCouncil ? null : keyWorker.Professional.Id, OwnerName = toCouncil ? null : keyWorker.Account.DisplayName,
                ClockStartsOn = startsOn, AcknowledgeBy = ConcernClock.DueOn(startsOn, 2, calendar), RespondBy = ConcernClock.DueOn(startsOn, 10, calendar),
            };
            var steps = new List<ConcernUpdate?> { concern.Raise(parent.Id, parent.DisplayName, true) };
            var by = keyWorker.Account;
            var step = raised;
            DateTime Later(int maxHours) => step = step.AddHours(1 + _random.Next(maxHours)) is var next && next < _now ? next : _now;
            var fate = _random.Next(10);
            if (fate >= 2 && !toCouncil)
            {
                steps.Add(concern.Acknowledge("Thank you, I am looking into it.", by.Id, by.DisplayName, Later(60)));
                if (fate >= 4)
                {
                    steps.Add(concern.Respond("We have talked about this and agreed what to do.", by.Id, by.DisplayName, Later(240)));
                }

                if (fate >= 6)
                {
                    steps.Add(concern.Resolve(concern.WhatIsHappening, "We changed the plan together.", by.Id, by.DisplayName, Later(120)));
                }

                if (fate >= 7)
                {
                    steps.Add(concern.Confirm(parent.Id, parent.DisplayName, true, Later(48)));
                }
            }

            var today = DateOnly.FromDateTime(_now);
            if (concern.UnescalatedBreach(today) is { } clock)
            {
                steps.Add(concern.Escalate(clock, $"the leads of {concern.OwnerOrganisationName}", _now));
            }

            pending.Add(concern);
            pending.AddRange(steps.OfType<ConcernUpdate>());
        }
    }

    /// <summary>Half the families have a conversation with the key worker; a quarter had a meeting, some with a record still to agree.</summary>
    private void AddContact(List<object> pending, Child child, UserAccount parent, (Professional Professional, UserAccount Account, Organisation Organisation) keyWorker)
    {
        if (_random.Next(2) == 0)
        {
            var started = _now.AddHours(-_random.Next(24, 24 * 120));
            var conversation = new Conversation
            {
                ChildId = child.Id, AreaId = child.AreaId, Subject = Pick(ConcernTopics), StartedAt = started, StartedByUserId = parent.Id, StartedByName = parent.DisplayName, LastMessageAt = started,
            };
            var at = started;
            for (var m = 1 + _random.Next(5); m > 0; m--)
            {
                var fromFamily = m % 2 == 1;
                pending.Add(new Message
                {
                    ConversationId = conversation.Id, ChildId = child.Id, AuthorUserId = fromFamily ? parent.Id : keyWorker.Account.Id, AuthorName = fromFamily ? parent.DisplayName : keyWorker.Account.DisplayName,
                    AuthorOrganisationName = fromFamily ? null : keyWorker.Organisation.Name, ByFamily = fromFamily, Text = Pick(Sentences), SentAt = at,
                });
                conversation.LastMessageAt = at;
                conversation.MessageCount++;
                at = at.AddHours(1 + _random.Next(48)) is var next && next < _now ? next : _now;
            }

            pending.Add(conversation);
        }

        if (_random.Next(4) == 0)
        {
            var held = _now.AddDays(-_random.Next(5, 120)).Date.AddHours(10);
            var meeting = new Meeting
            {
                ChildId = child.Id, AreaId = child.AreaId, Kind = MeetingKind.Review, StartsAt = held, DurationMinutes = 60, Place = keyWorker.Organisation.Name,
                OrganiserUserId = keyWorker.Account.Id, OrganiserName = keyWorker.Account.DisplayName, OrganiserEmail = keyWorker.Account.Email!,
                OrganiserOrganisationId = keyWorker.Organisation.Id, OrganiserOrganisationName = keyWorker.Organisation.Name,
                NoteTakerUserId = keyWorker.Account.Id, NoteTakerName = keyWorker.Account.DisplayName, ScheduledAt = held.AddDays(-14),
            };
            meeting.WriteRecord(null, null, "Carry on with the current plan", null, keyWorker.Account.DisplayName);
            meeting.Share();
            pending.Add(meeting);
            pending.Add(new MeetingRecordVersion
            {
                MeetingId = meeting.Id, Number = 1, Kind = RecordVersionKind.Shared, Content = MeetingRecordContent.Of(meeting, []).ToJson(), CreatedAt = held.AddDays(2), CreatedByName = keyWorker.Account.DisplayName,
            });
        }
    }

    private static readonly string[] ConcernTopics =
    [
        "Taxi arriving late", "Lunchtimes", "Homework", "Missed therapy sessions", "Changes to the timetable", "Playground", "Support in class", "School trips",
    ];

    private static readonly string[] Provision =
    [
        "Speech and language therapy", "One-to-one reading support", "Occupational therapy sessions", "Social skills group", "Sensory circuit",
        "Maths intervention", "Emotional literacy support", "Physiotherapy programme",
    ];

    private DateTime Past(DateTime at) => at < _now ? at : _now;

    private async Task SaveAsync(List<object> pending)
    {
        await using var db = newContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AddRange(pending);
        await db.SaveChangesAsync();
        pending.Clear();
    }
}
