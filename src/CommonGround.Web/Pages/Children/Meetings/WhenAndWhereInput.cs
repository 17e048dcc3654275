using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommonGround.Web.Pages.Children.Meetings;

/// <summary>When and where a meeting is, as the forms that arrange and change one ask for it.</summary>
public class WhenAndWhereInput
{
    [Display(Name = "Date")]
    [Required(ErrorMessage = "Enter the date of the meeting")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Start time")]
    [Required(ErrorMessage = "Enter the time the meeting starts")]
    public string? Time { get; set; }

    [Display(Name = "How long")]
    [Required(ErrorMessage = "Choose how long the meeting is")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Where (optional if it is online)")]
    public string? Place { get; set; }

    [Display(Name = "Link to join online (optional)")]
    public string? OnlineLink { get; set; }

    /// <summary>The start time as a time of day; a time that cannot be read is added to the form's errors.</summary>
    public TimeOnly? ReadTime(ModelStateDictionary modelState)
    {
        var time = Choices.ParseTime(Time);
        if (Time is not null && time is null)
        {
            modelState.AddModelError("Input.Time", "Enter the start time as hours and minutes, for example 10:30 or 2pm");
        }

        return time;
    }
}
