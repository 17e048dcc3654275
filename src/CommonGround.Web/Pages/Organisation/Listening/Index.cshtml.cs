using CommonGround.Core.Meetings;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Organisation.Listening;

/// <summary>
/// How families answered "Did you feel listened to?" after the organisation's meetings in the last 12 months: totals
/// only, and only where at least 5 answered, overall and by kind of meeting.
/// </summary>
public sealed class IndexModel(MeetingFeedbackService feedback, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public ListeningReport Report { get; private set; } = default!;
    public DateOnly Since { get; private set; }

    public async Task OnGetAsync()
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var today = timeProvider.TodayInUk();
        Since = today.AddMonths(-12);
        Report = await feedback.SummariseListeningAsync(organisationId, Since, today);
    }
}
