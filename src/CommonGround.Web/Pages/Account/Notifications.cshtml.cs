using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommonGround.Core.Notifications;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>
/// A person chooses, for each kind of notification, whether to be emailed straight away, in a daily or weekly email, or
/// not at all, and hours when nothing is emailed. Notifications always appear in the service.
/// </summary>
[ShowsNoChildData]
public sealed class NotificationsModel(NotificationService notifications, CurrentUser currentUser) : PageBase
{
    private const string TimeError = "Enter a time on the 24-hour clock, like 21:00";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static IReadOnlyList<Option> Frequencies(NotificationKind kind) => Enum.GetValues<EmailFrequency>()
        .Where(f => f != EmailFrequency.Off || kind.CanBeTurnedOff())
        .Select(f => new Option(f.ToString(), f.ToDisplayName()))
        .ToList();

    public sealed class InputModel
    {
        [Display(Name = "A concern, or a request to correct your words or erase a record, is raised for you or your organisation to answer")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? ConcernRaised { get; set; }

        [Display(Name = "A concern you raised or own changes")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? ConcernUpdated { get; set; }

        [Display(Name = "A concern is overdue and has gone to a lead")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? ConcernOverdue { get; set; }

        [Display(Name = "A new message in a conversation you are part of")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? Messages { get; set; }

        [Display(Name = "Commitments: new, delivered or disputed")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? Commitments { get; set; }

        [Display(Name = "Meetings and meeting records")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? Meetings { get; set; }

        [Display(Name = "Support plans: shared with you, answered, agreed or reviewed")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? Plans { get; set; }

        [Display(Name = "Statutory dates that are close or missed")]
        [Required(ErrorMessage = "Choose when to email you")]
        public EmailFrequency? StatutoryDeadlines { get; set; }

        [Display(Name = "From")]
        [RegularExpression(@"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$", ErrorMessage = TimeError)]
        public string? QuietHoursFrom { get; set; }

        [Display(Name = "Until")]
        [RegularExpression(@"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$", ErrorMessage = TimeError)]
        public string? QuietHoursUntil { get; set; }
    }

    public async Task OnGetAsync()
    {
        var choices = await notifications.ChoicesAsync(currentUser.UserId!.Value);
        var f = choices.Frequencies;
        Input = new InputModel
        {
            ConcernRaised = f[NotificationKind.ConcernRaised],
            ConcernUpdated = f[NotificationKind.ConcernUpdated],
            ConcernOverdue = f[NotificationKind.ConcernOverdue],
            Messages = f[NotificationKind.Messages],
            Commitments = f[NotificationKind.Commitments],
            Meetings = f[NotificationKind.Meetings],
            Plans = f[NotificationKind.Plans],
            StatutoryDeadlines = f[NotificationKind.StatutoryDeadlines],
            QuietHoursFrom = choices.QuietHoursFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
            QuietHoursUntil = choices.QuietHoursUntil?.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var frequencies = new Dictionary<NotificationKind, EmailFrequency>
        {
            [NotificationKind.ConcernRaised] = Input.ConcernRaised!.Value,
            [NotificationKind.ConcernUpdated] = Input.ConcernUpdated!.Value,
            [NotificationKind.ConcernOverdue] = Input.ConcernOverdue!.Value,
            [NotificationKind.Messages] = Input.Messages!.Value,
            [NotificationKind.Commitments] = Input.Commitments!.Value,
            [NotificationKind.Meetings] = Input.Meetings!.Value,
            [NotificationKind.Plans] = Input.Plans!.Value,
            [NotificationKind.StatutoryDeadlines] = Input.StatutoryDeadlines!.Value,
        };
        var result = await notifications.SaveChoicesAsync(currentUser.UserId!.Value,
            new NotificationChoices(frequencies, ParseTime(Input.QuietHoursFrom), ParseTime(Input.QuietHoursUntil)), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your email choices are saved");
        return Redirect("/account/notifications");
    }

    private static TimeOnly? ParseTime(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : TimeOnly.ParseExact(text.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture);
}
