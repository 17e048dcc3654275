using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Attention;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// The first screen after signing in. A family sees what needs them across all their children, then the children; a
/// professional sees their own day (what they owe, concerns to answer, records to write), then the children they work with.
/// </summary>
public sealed class IndexModel(ChildService children, CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider,
    AccessService access, WhatIsHappeningService happenings, YourDayService yourDay, CommitmentService commitments, AdviceService advice) : PageBase
{
    public const int PageSize = 25;

    /// <summary>One thing for the family, and which child it is about.</summary>
    public sealed record FamilyItem(string ChildName, HappeningItem Item);

    /// <summary>Each of the professional's counts of what they owe that needs something, with what it says and where "What I owe" lists them.</summary>
    public static IReadOnlyList<(string Says, string Href)> OwedLines(OwedCounts counts) =>
        new (int Count, string Says, string Key)[]
        {
            (counts.Overdue, "late", "overdue"), (counts.Behind, "behind", "behind"), (counts.Disputed, "with a delivery the family disputes", "disputed"),
            (counts.DueSoon, "due soon", "due-soon"), (counts.Proposed, "proposed, not yet agreed", "proposed"),
        }.Where(c => c.Count > 0).Select(c => ($"{c.Count} {c.Says}", WhatIOwe.IndexModel.Href(c.Key))).ToList();

    public sealed record TeamRow(Guid Id, string Name, DateOnly DateOfBirth, string Role, bool IsKeyWorker, IReadOnlyList<RecordArea> Areas, DateOnly? ClosedOn);

    public bool IsFamily { get; private set; }
    public bool IsYoungPerson { get; private set; }
    public IReadOnlyList<FamilyItem> WaitingOnYou { get; private set; } = [];
    public IReadOnlyList<FamilyItem> Late { get; private set; } = [];
    public IReadOnlyList<FamilyItem> ThisWeek { get; private set; } = [];
    public YourDay? Day { get; private set; }
    public OwedCounts Owed { get; private set; } = OwedCounts.None;
    public int AdviceToGive { get; private set; }
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyList<TeamRow> TeamChildren { get; private set; } = [];
    public DateOnly Today => timeProvider.TodayInUk();

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>"age" for oldest first; anything else, or nothing, is by name. Optional, so a page opened without it is no error.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public bool OldestFirst => Sort == "age";

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public string PageHrefFormat => $"?q={Uri.EscapeDataString(Search ?? "")}&sort={Uri.EscapeDataString(Sort ?? "name")}&pageNumber={{0}}";

    public async Task<IActionResult> OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        if (!person.IsFamily && !person.IsProfessional)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsFamily = person.IsFamily;
        if (IsFamily)
        {
            IsYoungPerson = person.IsYoungPerson;
            Children = await children.ListFamilyChildrenAsync(person.Account.Id);
            await ReadWhatNeedsTheFamilyAsync(person.Account.Id);
            return Page();
        }

        Day = await yourDay.ForAsync(person.Account.Id, person.Professional!.Id);
        Owed = await commitments.CountOwedByAsync(person.Professional!);
        AdviceToGive = await advice.CountToGiveAsync(person.Professional!);
        ShowsChildren(Day.Concerns.Select(c => c.ChildId).Concat(Day.Records.Select(r => r.ChildId)).Concat(Day.Corrections.Select(c => c.ChildId)).Concat(Day.Erasures.Select(e => e.ChildId)).Distinct(),
            "Your day: concerns to answer, records to write, words to correct and records to erase");

        var today = Today;
        var query = db.TeamMembers
            .Where(t => t.LeftAt == null && t.ProfessionalId == person.Professional!.Id);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(t => db.Children.Any(c => c.Id == t.ChildId
                && (c.FirstName.ToUpper().Contains(term) || c.LastName.ToUpper().Contains(term) || (c.PreferredName != null && c.PreferredName.ToUpper().Contains(term)))));
        }

        // Ordered by what each place keeps of its child, so the database walks an index to the page shown; the child's id
        // comes last so that children who share a name and a birthday keep one place each from page to page.
        var ordered = OldestFirst
            ? query.OrderBy(t => t.ChildDateOfBirth).ThenBy(t => t.ChildLastName).ThenBy(t => t.ChildFirstName).ThenBy(t => t.ChildId)
            : query.OrderBy(t => t.ChildLastName).ThenBy(t => t.ChildFirstName).ThenBy(t => t.ChildId);
        // Every place has its child, so the places are counted without reading the children.
        Total = await query.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var pageRows = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Children, t => t.ChildId, c => c.Id, QueryParts.Inline((TeamMember t, Child c) => new
            {
                c.Id,
                Name = Child.ShownNameOf.Apply(c),
                c.DateOfBirth,
                t.Role,
                t.IsKeyWorker,
                c.ClosedOn,
                Consents = t.Consents.AsQueryable().Where(SharingConsent.ActiveOn(today)).Select(consent => consent.Area).ToList(),
            }))
            .ToListAsync();
        TeamChildren = pageRows.Select(r => new TeamRow(r.Id, r.Name, r.DateOfBirth, r.Role, r.IsKeyWorker, r.Consents.Order().ToList(), r.ClosedOn)).ToList();
        ShowsChildren(TeamChildren.Select(r => r.Id), "Children I work with (name and date of birth)");
        return Page();
    }

    /// <summary>Each child's "What's happening", gathered: what waits on the family, what is late, and what is due this week.</summary>
    private async Task ReadWhatNeedsTheFamilyAsync(Guid userId)
    {
        var today = Today;
        var waiting = new List<FamilyItem>();
        var late = new List<FamilyItem>();
        var thisWeek = new List<FamilyItem>();
        foreach (var child in Children)
        {
            if (await access.GetAsync(child.Id, userId) is not { } childAccess || !childAccess.Can(Capability.ViewRecord))
            {
                continue;
            }

            var happening = await happenings.ForAsync(childAccess);
            waiting.AddRange(happening.WaitingOnYou.Select(i => new FamilyItem(child.KnownAs, i)));
            late.AddRange(happening.Late.Select(i => new FamilyItem(child.KnownAs, i)));
            thisWeek.AddRange(happening.ComingUp.Where(i => i.When is { } when && when <= today.AddDays(7)).Select(i => new FamilyItem(child.KnownAs, i)));
        }

        WaitingOnYou = waiting;
        Late = late;
        ThisWeek = thisWeek.OrderBy(i => i.Item.When).ToList();
    }
}
