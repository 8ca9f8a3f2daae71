namespace Engage.Plugins.Demo.Content;

/// <summary>What the library posts: announcements, thanks, reminders and the occasional apology.</summary>
internal static class PostTexts
{
    private const Tone P = Tone.Positive;
    private const Tone N = Tone.Neutral;
    private const Tone X = Tone.Negative;

    public static TextTable Table { get; } = new(
    [
        new("en", P, "📚 Our new Makerspace at the Main branch opens on Saturday! 3D printers, sewing machines and a laser cutter, free for everyone with a library card."),
        new("en", P, "Thank you to the 240 readers who joined the summer reading challenge so far! You are amazing 🎉"),
        new("en", P, "Story time is back at the Eastside branch every Wednesday at 10:30. Bring your little ones! 🧸"),
        new("en", P, "We just added 500 new e-books and audiobooks to the catalogue. Happy reading! 🎧"),
        new("en", P, "Meet our volunteers: Margaret has been shelving books with us every Tuesday for 20 years. Thank you, Margaret! ❤️"),
        new("en", P, "Great news: late fees on children's books are gone for good. Every kid deserves a library card 🌟"),
        new("en", P, "The Harbour branch has a brand-new reading garden 🌿 Come and enjoy a book in the sun."),
        new("en", P, "Author talk tonight at 7 pm with local novelist Ana Ruiz. Free entry, coffee included ☕"),
        new("en", P, "Our seed library is open again 🌱 Borrow seeds, grow something wonderful, bring seeds back in autumn."),
        new("en", P, "Congratulations to the teens of our coding club, who built their first game this week! 🎮👏"),
        new("en", N, "Reminder: all branches are closed on Monday for the public holiday. The book drop stays open."),
        new("en", N, "New opening hours from next month: Main branch 9:00–20:00 on weekdays, 10:00–17:00 on Saturdays."),
        new("en", N, "You can renew up to 5 items online at any time. Log in with your card number and PIN."),
        new("en", N, "Tax forms are available at the information desk of every branch while supplies last."),
        new("en", N, "The city council meets in the Main branch auditorium on Thursday; the second-floor reading room closes at 5 pm that day."),
        new("en", N, "Quick survey: which new service would you use most? Longer hours, more study rooms or a tool library? Tell us below."),
        new("en", N, "This week's new arrivals: local history, graphic novels and a stack of cookbooks. Ask at the desk for the full list."),
        new("en", X, "⚠️ Sorry: the Eastside branch is closed today because of a burst water pipe. Returns are accepted at the Main branch."),
        new("en", X, "Our self-checkout machines are down at the Main branch. Please use the staff desk; we apologise for the queues."),
        new("en", X, "The catalogue and online renewals are unavailable this morning because of a system outage. Nothing due today will be charged a late fee."),
        new("en", X, "Unfortunately the author event with Tom Becker is cancelled because of illness. We are very sorry."),
        new("en", X, "The public Wi-Fi at the Harbour branch is unreliable again. We know it is frustrating and a new router is on its way."),

        new("fr", P, "📖 L'heure du conte en français revient samedi à 11 h à la bibliothèque de Riverside. Entrée libre !"),
        new("fr", P, "Merci à toutes les personnes venues au club de lecture hier soir, quelle belle soirée ! ✨"),
        new("fr", P, "Nouveau : une sélection de bandes dessinées en français vous attend au premier étage 😍"),
        new("fr", N, "Rappel : la bibliothèque sera fermée lundi (jour férié). La boîte de retour reste accessible."),
        new("fr", N, "Les ateliers de conversation en français ont lieu tous les jeudis à 18 h. Inscription à l'accueil."),
        new("fr", X, "Désolés : le Wi-Fi est en panne dans toutes les bibliothèques aujourd'hui. Nos équipes y travaillent."),
        new("fr", X, "Le spectacle pour enfants de dimanche est annulé. Nous en sommes vraiment désolés."),

        new("de", P, "Unser neues Lerncafé ist eröffnet! ☕📚 Kostenlos für alle mit Bibliotheksausweis."),
        new("de", P, "Vielen Dank an alle, die beim Bücherflohmarkt geholfen haben – über 1.200 € für die Kinderbibliothek! 🎉"),
        new("de", P, "Ab sofort gibt es jeden Dienstag um 18 Uhr einen deutschen Lesekreis. Alle sind willkommen!"),
        new("de", N, "Hinweis: Die Zweigstelle am Hafen ist am Samstag wegen Inventur geschlossen."),
        new("de", N, "Medien lassen sich jetzt auch per App verlängern. Die Anleitung finden Sie auf unserer Website."),
        new("de", X, "Leider ist der Aufzug in der Hauptstelle defekt. Bitte sprechen Sie unser Personal an, wenn Sie Hilfe brauchen. Wir bitten um Entschuldigung."),

        new("es", P, "¡La hora del cuento en español vuelve este sábado a las 11! 🧸 Todas las familias son bienvenidas."),
        new("es", P, "Gracias a todos los que vinieron a nuestra feria del libro. ¡Fue un éxito increíble! 🎉"),
        new("es", P, "Nuevas novelas en español en la sección de adultos. ¡Ven a descubrirlas! 📚"),
        new("es", N, "Recordatorio: las clases de informática para mayores empiezan el martes. Inscripción en el mostrador."),
        new("es", N, "La biblioteca cierra a las 17:00 el viernes por mantenimiento."),
        new("es", X, "Lo sentimos: el sistema de préstamos no funciona esta mañana. Estamos trabajando para solucionarlo."),

        new("fa", P, "قصه‌گویی فارسی برای کودکان، این شنبه ساعت ۱۱ صبح. همه خوش آمدید! 🧸"),
        new("fa", P, "کتاب‌های تازه به زبان فارسی به بخش بزرگسالان اضافه شد 📚✨"),
        new("fa", N, "یادآوری: کتاب‌های امانتی را می‌توانید به‌صورت آنلاین تمدید کنید."),
        new("fa", X, "متأسفیم، به دلیل قطعی برق، شعبه مرکزی امروز بسته است."),

        new("he", P, "שעת סיפור בעברית לילדים ביום שישי ב-10:00. מחכים לכם! 📖"),
        new("he", P, "תודה לכל המתנדבים שעזרו במכירת הספרים השנתית! ❤️"),
        new("he", N, "תזכורת: הספרייה סגורה ביום שני לרגל החג."),
        new("he", X, "מצטערים, מערכת ההשאלה העצמית אינה פועלת כרגע. אנחנו עובדים על תיקון."),
    ]);
}
