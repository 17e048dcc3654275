using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.Record;

/// <summary>
/// One part of a child's record (Health, Education and so on): what the family has written in it, the promises and
/// concerns about it the person may see, and its latest changes. Only someone the part is shared with may open it.
/// </summary>
public sealed class AreaModel(ProfileService profiles, CommitmentService commitments, ConcernService concerns, CommonGroundDbContext db, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public const int ChangesShown = 20;

    public RecordArea Area { get; private set; }
    public IReadOnlyList<ProfileSection> Sections { get; private set; } = [];
    public IReadOnlyList<AuditEvent> Changes { get; private set; } = [];
    public IReadOnlyList<CommitmentWithProgress> Promises { get; private set; } = [];
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];
    public int TotalChanges { get; private set; }

    /// <summary>The part of the record is in the address, so the page checks it: not found if unknown, refused if not shared.</summary>
    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId, string area)
    {
        if (RecordAreaText.FromSlug(area) is not { } recordArea)
        {
            return NotFound();
        }

        if (!Access.Can(Capability.ViewRecord, recordArea))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (recordArea == RecordArea.AboutMe)
        {
            // One place for About me: the family's own words, where they are written.
            return Redirect(CommonGround.Core.Children.ChildLinks.AboutMe(childId));
        }

        Area = recordArea;
        Sections = (await profiles.GetSectionsAsync(childId)).Where(s => s.Section.Area() == recordArea && s.Text.Length > 0).ToList();
        // What belongs to this part is listed here too, each as its own page shows it to this person.
        if (Access.Can(Capability.ViewRecord, RecordArea.Commitments))
        {
            Promises = (await commitments.ListForChildAsync(Access)).Where(c => c.Commitment.RecordArea.ToRecordArea() == recordArea).ToList();
        }

        if (ConcernService.CanSeeConcernsAbout(Access, recordArea))
        {
            Concerns = (await concerns.ListForChildAsync(Access)).Where(c => c.About == recordArea).ToList();
        }

        var changes = db.AuditEvents.Where(a => a.EntityType == "Child" && a.EntityId == childId && a.RecordArea == recordArea);
        TotalChanges = await changes.CountAsync();
        Changes = await changes.OrderByDescending(a => a.OccurredAt).Take(ChangesShown).ToListAsync();
        DescribeRead(recordArea, $"{recordArea.ToDisplayName()} part of the record");
        return Page();
    }
}
