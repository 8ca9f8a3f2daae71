namespace Engage.Plugins.Demo.Content;

/// <summary>What people write under the library's posts.</summary>
internal static class CommentTexts
{
    private const Tone P = Tone.Positive;
    private const Tone N = Tone.Neutral;
    private const Tone X = Tone.Negative;

    public static TextTable Table { get; } = new(
    [
        new("en", P, "Love this! 😍"),
        new("en", P, "This is wonderful, thank you so much!"),
        new("en", P, "Best library in the country, no question 🙌"),
        new("en", P, "My kids are going to be so excited!"),
        new("en", P, "Thank you for everything you do ❤️"),
        new("en", P, "Brilliant idea, count me in!"),
        new("en", N, "What time does it start?"),
        new("en", N, "Is this at the Main branch or at Eastside?"),
        new("en", N, "Do I need to register in advance?"),
        new("en", N, "Is there parking nearby?"),
        new("en", N, "Will this be recorded for people who can't make it?"),
        new("en", N, "Which floor is it on?"),
        new("en", X, "The Wi-Fi has been terrible all week 😤"),
        new("en", X, "Again?! This is the third time this month."),
        new("en", X, "I waited 40 minutes at the desk yesterday. Not acceptable."),
        new("en", X, "Nobody answered my email about a lost card. Very disappointing."),
        new("en", X, "Why close on the only day working people can come?"),

        new("fr", P, "Génial, merci ! 😍"),
        new("fr", P, "Super initiative, bravo à toute l'équipe 👏"),
        new("fr", P, "Mes enfants adorent, merci !"),
        new("fr", N, "C'est à quelle heure ?"),
        new("fr", N, "Faut-il s'inscrire ?"),
        new("fr", N, "C'est dans quelle bibliothèque ?"),
        new("fr", X, "Encore en panne ? C'est vraiment pénible 😠"),
        new("fr", X, "Toujours pas de réponse à mon courriel… décevant."),

        new("de", P, "Super, vielen Dank! 😍"),
        new("de", P, "Tolle Idee, ich bin dabei! 👏"),
        new("de", P, "Die beste Bibliothek der Stadt ❤️"),
        new("de", N, "Um wie viel Uhr beginnt das?"),
        new("de", N, "Muss man sich anmelden?"),
        new("de", N, "Ist das barrierefrei?"),
        new("de", X, "Schon wieder kaputt? Das ist wirklich ärgerlich 😠"),
        new("de", X, "Ich warte seit zwei Wochen auf eine Antwort. Enttäuschend."),

        new("es", P, "¡Qué maravilla, gracias! 😍"),
        new("es", P, "¡Me encanta! Allí estaremos 🙌"),
        new("es", P, "La mejor biblioteca de la ciudad ❤️"),
        new("es", N, "¿A qué hora empieza?"),
        new("es", N, "¿Hay que inscribirse?"),
        new("es", N, "¿En qué sede es?"),
        new("es", X, "¿Otra vez? Esto es muy frustrante 😠"),
        new("es", X, "Nadie contestó mi correo. Qué decepción."),

        new("fa", P, "عالیه! ممنون از کتابخانه 🙏"),
        new("fa", P, "بچه‌ها خیلی لذت بردند، مرسی! 😍"),
        new("fa", N, "ساعت چند شروع می‌شود؟"),
        new("fa", N, "آیا ثبت‌نام لازم است؟"),
        new("fa", X, "دو هفته است که وای‌فای کار نمی‌کند 😠"),
        new("fa", X, "خیلی ناامید شدم، کسی جواب ایمیلم را نداد."),

        new("he", P, "איזה כיף! תודה רבה 🙏"),
        new("he", P, "הילדים נהנו מאוד 😍"),
        new("he", N, "באיזו שעה זה מתחיל?"),
        new("he", N, "צריך להירשם מראש?"),
        new("he", X, "האינטרנט האלחוטי לא עובד כבר שבוע 😠"),
        new("he", X, "מאוכזב מאוד, אף אחד לא ענה למייל שלי."),
    ]);
}
