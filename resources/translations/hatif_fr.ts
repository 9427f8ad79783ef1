<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AgentTileDelegate</name>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>calls</source>
        <extracomment>Size of a tile at scale 1; the window shrinks tiles so a whole team fits. Caption font relative to the base size, and how far it may shrink to fit. Widest value a figure cell must hold (values are short numbers and a percentage). Room between two figure cells, in pixels at scale 1.</extracomment>
        <translation>appels</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>talk min</source>
        <translation>min d&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>confirmed</source>
        <translation>confirmées</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="139"/>
        <source>conversion</source>
        <translation>conversion</translation>
    </message>
</context>
<context>
    <name>AgentTilesModel</name>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="127"/>
        <source>Order {ref}</source>
        <translation>Commande {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="128"/>
        <source>No order</source>
        <translation>Aucune commande</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="131"/>
        <source>{calls} calls · {talk} talk · {confirmed} confirmed · {conversion}</source>
        <translation>{calls} appels · {talk} de conversation · {confirmed} confirmées · {conversion}</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../ui/call_bar.py" line="85"/>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="87"/>
        <location filename="../../ui/call_bar.py" line="269"/>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="89"/>
        <source>Mute</source>
        <translation>Muet</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="91"/>
        <source>Hold</source>
        <translation>Attente</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="94"/>
        <source>Keypad</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="104"/>
        <source>Transfer to lead</source>
        <translation>Transférer au chef</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="107"/>
        <source>Send the customer to your lead at once, without talking to them first</source>
        <translation>Transférer le client à votre chef d&apos;équipe tout de suite, sans lui parler d&apos;abord</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="109"/>
        <source>Consult lead</source>
        <translation>Consulter</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="112"/>
        <source>Put the customer on hold and call your lead before transferring</source>
        <translation>Mettre le client en attente et appeler votre chef d&apos;équipe avant de transférer</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="115"/>
        <source>Complete transfer</source>
        <translation>Terminer le transfert</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="119"/>
        <source>Hand the customer to your lead and free your line</source>
        <translation>Passer le client à votre chef d&apos;équipe et libérer votre ligne</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="121"/>
        <source>Back to customer</source>
        <translation>Reprendre le client</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="124"/>
        <source>End the call with your lead and take the customer off hold</source>
        <translation>Raccrocher avec votre chef d&apos;équipe et reprendre le client en attente</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="126"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="128"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="202"/>
        <source>Send a WhatsApp message (Ctrl+W)</source>
        <translation>Envoyer un message WhatsApp (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="203"/>
        <source>Send an SMS</source>
        <translation>Envoyer un SMS</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="215"/>
        <source>Attempt %1 of %2</source>
        <translation>Tentative %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="219"/>
        <source>All %1 attempts used</source>
        <translation>Les %1 tentatives sont épuisées</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="223"/>
        <source>Next call from %1</source>
        <translation>Prochain appel à partir de %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="243"/>
        <source>Call (F5)</source>
        <translation>Appeler (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="269"/>
        <source>End the call with your lead</source>
        <translation>Raccrocher avec votre chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="304"/>
        <source>No call</source>
        <translation>Aucun appel</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="305"/>
        <source>Dialing…</source>
        <translation>Numérotation…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="306"/>
        <source>Ringing…</source>
        <translation>Ça sonne…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="307"/>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="308"/>
        <source>In call</source>
        <translation>En appel</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="309"/>
        <source>Call ended</source>
        <translation>Appel terminé</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="314"/>
        <source>Calling your lead…</source>
        <translation>Appel de votre chef d&apos;équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="315"/>
        <source>Consulting your lead…</source>
        <translation>En consultation avec votre chef d&apos;équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="316"/>
        <source>Transferring to your lead…</source>
        <translation>Transfert vers votre chef d&apos;équipe…</translation>
    </message>
</context>
<context>
    <name>CallbackReminder</name>
    <message>
        <location filename="../../ui/callback_reminder.py" line="39"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/callback_reminder.py" line="40"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callback_reminder.py" line="62"/>
        <source>%n call-back(s) due now. Next: %1</source>
        <translation>
            <numerusform>%n rappel dû maintenant. Suivant : %1</numerusform>
            <numerusform>%n rappels dus maintenant. Suivant : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/formatting.py" line="47"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="48"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="49"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="25"/>
        <source>My day</source>
        <translation>Ma journée</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="28"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="29"/>
        <source>Team average</source>
        <translation>Moyenne de l&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="31"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="32"/>
        <source>Talk time</source>
        <translation>Temps de conversation</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="33"/>
        <source>Confirmed</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="34"/>
        <source>Confirmed value</source>
        <translation>Valeur confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="35"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../ui/desktop_app.py" line="283"/>
        <source>Hatif closed unexpectedly last time. A report was saved in %1.</source>
        <extracomment>``--wallboard`` signed in with an agent&apos;s account.</extracomment>
        <translation>Hatif s&apos;est fermé de façon inattendue la dernière fois. Un rapport a été enregistré dans %1.</translation>
    </message>
    <message>
        <location filename="../../ui/desktop_app.py" line="302"/>
        <source>The wallboard is for team leads and administrators; %1 signs in as an agent.</source>
        <translation>Le tableau mural est réservé aux chefs d&apos;équipe et aux administrateurs ; %1 se connecte en tant qu&apos;agent.</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="20"/>
        <source>Escalate to the team lead</source>
        <translation>Escalader au chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="23"/>
        <source>Complex case</source>
        <translation>Cas complexe</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="24"/>
        <source>Complaint</source>
        <translation>Réclamation</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="25"/>
        <source>Special authorisation</source>
        <translation>Autorisation spéciale</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="27"/>
        <source>What should the lead know?</source>
        <translation>Que doit savoir le chef d&apos;équipe ?</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="31"/>
        <source>Escalate</source>
        <translation>Escalader</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="35"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="36"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>Escalation</name>
    <message>
        <location filename="../../ui/escalation_banner.py" line="12"/>
        <source>Complex case</source>
        <translation>Cas complexe</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="13"/>
        <source>Complaint</source>
        <translation>Réclamation</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="14"/>
        <source>Special authorisation</source>
        <translation>Autorisation spéciale</translation>
    </message>
</context>
<context>
    <name>EscalationAnswerDialog</name>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="52"/>
        <source>Answer the escalation of order %1</source>
        <translation>Répondre à l&apos;escalade de la commande %1</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="55"/>
        <source>Your answer to the agent</source>
        <translation>Votre réponse à l&apos;agent</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="60"/>
        <source>Send the answer</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="66"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>EscalationBanner</name>
    <message>
        <location filename="../../ui/escalation_banner.py" line="35"/>
        <source>Answer…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="38"/>
        <source>Reply to the agent: the order goes back to them with your answer as a note.</source>
        <translation>Répondre à l&apos;agent : la commande lui revient avec votre réponse en note.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="40"/>
        <source>Take over</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="42"/>
        <source>Handle the order yourself: you become its owner.</source>
        <translation>Traiter la commande vous-même : elle vous est attribuée.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="58"/>
        <source>Escalated to the team lead by %1 since %2 — %3</source>
        <translation>Escaladée au chef d&apos;équipe par %1 depuis %2 — %3</translation>
    </message>
</context>
<context>
    <name>EscalationsModel</name>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="85"/>
        <source>Escalated by {name} at {time}</source>
        <translation>Escaladée par {name} à {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../ui/hourly_chart.py" line="77"/>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="207"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location filename="../../ui/hourly_chart.py" line="78"/>
        <source>Confirmed</source>
        <translation>Confirmées</translation>
    </message>
    <message>
        <location filename="../../ui/hourly_chart.py" line="79"/>
        <source>Team average (calls)</source>
        <translation>Moyenne équipe (appels)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="204"/>
        <source>Calls and confirmations per hour</source>
        <translation>Appels et confirmations par heure</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="208"/>
        <source>Confirmations</source>
        <translation>Confirmations</translation>
    </message>
</context>
<context>
    <name>InboundCallPopup</name>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="31"/>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="38"/>
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="39"/>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="45"/>
        <source>Orders of this number:</source>
        <translation>Commandes de ce numéro :</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="55"/>
        <source>%1 is calling</source>
        <translation>%1 appelle</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="61"/>
        <source>No order found for this number</source>
        <translation>Aucune commande pour ce numéro</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="174"/>
        <source>Journal of {name} today</source>
        <translation>Journal de {name} aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="178"/>
        <source>Talk (s)</source>
        <translation>Conversation (s)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="178"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>LeadWindows</name>
    <message>
        <location filename="../../ui/wallboard/lead_windows.py" line="88"/>
        <source>Hatif — Reports</source>
        <extracomment>The server refused the token (revoked, expired): the live feed waits for a new sign-in, then :meth:`resume_after_login`.</extracomment>
        <translation>Hatif — Rapports</translation>
    </message>
</context>
<context>
    <name>LeasesModel</name>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="67"/>
        <source>Held by {name} since {time}</source>
        <translation>Tenue par {name} depuis {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>Held by</source>
        <translation>Tenue par</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="40"/>
        <source>Sign in to Hatif</source>
        <translation>Connexion à Hatif</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="51"/>
        <source>Stay signed in on this computer</source>
        <translation>Rester connecté sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <source>No secure keyring on this computer.</source>
        <translation>Pas de trousseau sécurisé sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="63"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="70"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="71"/>
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="72"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="84"/>
        <source>Fill in the server, your username and your password.</source>
        <translation>Renseignez le serveur, votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="87"/>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="107"/>
        <source>Wrong username or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="109"/>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>Le serveur est injoignable. Vérifiez l&apos;adresse et le réseau.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="112"/>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="115"/>
        <source>This computer does not trust the server&apos;s certificate: {cause} Ask IT to set server.ca_file to the certificate of the company&apos;s CA.</source>
        <translation>Cet ordinateur ne fait pas confiance au certificat du serveur : {cause} Demandez à l&apos;informatique de renseigner server.ca_file avec le certificat de l&apos;autorité de l&apos;entreprise.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="119"/>
        <source>The CA certificate file set for this computer (server.ca_file) cannot be read. Ask IT to check it.</source>
        <translation>Le fichier de certificat d&apos;autorité configuré sur cet ordinateur (server.ca_file) est illisible. Demandez à l&apos;informatique de le vérifier.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="123"/>
        <source>The secure connection to the server failed. Check the address (https:// or http://) with IT.</source>
        <translation>La connexion sécurisée au serveur a échoué. Vérifiez l&apos;adresse (https:// ou http://) avec l&apos;informatique.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="127"/>
        <source>Too many wrong passwords for this account from this computer: wait %1 s, then try again.</source>
        <translation>Trop de mots de passe erronés pour ce compte depuis cet ordinateur : attendez %1 s, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="131"/>
        <source>The server is busy signing other colleagues in: try again in %1 s.</source>
        <translation>Le serveur est occupé à connecter d&apos;autres collègues : réessayez dans %1 s.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="141"/>
        <source>it is self-signed or signed by an unknown CA.</source>
        <translation>il est auto-signé ou signé par une autorité inconnue.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="142"/>
        <source>it is signed by a CA this computer does not know.</source>
        <translation>il est signé par une autorité que cet ordinateur ne connaît pas.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="143"/>
        <source>it has expired or is not valid yet.</source>
        <translation>il a expiré ou n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="144"/>
        <source>it was issued for another server name.</source>
        <translation>il a été émis pour un autre nom de serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="146"/>
        <source>it could not be verified.</source>
        <translation>il n&apos;a pas pu être vérifié.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../ui/message_dialog.py" line="47"/>
        <source>WhatsApp message</source>
        <translation>Message WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="47"/>
        <source>SMS message</source>
        <translation>Message SMS</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="54"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="54"/>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="65"/>
        <source>Text message</source>
        <translation>Message texte</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="66"/>
        <source>Voice message</source>
        <translation>Message vocal</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="67"/>
        <source>WhatsApp call</source>
        <translation>Appel WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="76"/>
        <source>Sent through your team&apos;s SMS gateway.</source>
        <translation>Envoyé par la passerelle SMS de votre équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="78"/>
        <source>Opens this computer&apos;s SMS application.</source>
        <translation>Ouvre l&apos;application SMS de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="93"/>
        <location filename="../../ui/message_dialog.py" line="158"/>
        <source>Open and send</source>
        <translation>Ouvrir et envoyer</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="96"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="100"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="102"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="107"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="108"/>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="109"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="156"/>
        <source>Call on WhatsApp</source>
        <translation>Appeler sur WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="165"/>
        <source>No message template is set up yet: write the message yourself.</source>
        <translation>Aucun modèle de message n&apos;est encore défini : rédigez le message vous-même.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="172"/>
        <source>This order has no %1. Write it in the message or choose another template.</source>
        <translation>Cette commande n&apos;a pas de valeur pour : %1. Écrivez-la dans le message ou choisissez un autre modèle.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="183"/>
        <source>customer name</source>
        <translation>nom du client</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="184"/>
        <source>order number</source>
        <translation>numéro de commande</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="185"/>
        <source>amount to pay</source>
        <translation>montant à payer</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="186"/>
        <source>articles</source>
        <translation>articles</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="187"/>
        <source>city</source>
        <translation>ville</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="188"/>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="189"/>
        <source>phone number</source>
        <translation>numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="190"/>
        <source>delivery fee</source>
        <translation>frais de livraison</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="191"/>
        <source>agent name</source>
        <translation>nom de l&apos;opérateur</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="192"/>
        <source>shop name</source>
        <translation>nom de la boutique</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="193"/>
        <source>agreed callback time</source>
        <translation>heure de rappel convenue</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../ui/formatting.py" line="69"/>
        <source>%1 MAD</source>
        <translation>%1 MAD</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="33"/>
        <source>New order</source>
        <extracomment>The phone whose known customer filled name and address (None: typed by hand).</extracomment>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="36"/>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="53"/>
        <source>Note for the team (optional)</source>
        <translation>Note pour l&apos;équipe (facultative)</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="60"/>
        <source>Create order</source>
        <translation>Créer la commande</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="64"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="66"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="67"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="68"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="70"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="94"/>
        <source>New customer</source>
        <translation>Nouveau client</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/new_order_dialog.py" line="101"/>
        <source>Known customer: %1 (%n order(s))</source>
        <translation>
            <numerusform>Client connu : %1 (%n commande)</numerusform>
            <numerusform>Client connu : %1 (%n commandes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="116"/>
        <source>Enter a valid phone number.</source>
        <translation>Saisissez un numéro de téléphone valide.</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="119"/>
        <source>Enter the customer&apos;s name.</source>
        <translation>Saisissez le nom du client.</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="122"/>
        <source>Add at least one article.</source>
        <translation>Ajoutez au moins un article.</translation>
    </message>
</context>
<context>
    <name>OrderHistory</name>
    <message>
        <location filename="../../ui/order_history_text.py" line="16"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="17"/>
        <source>Imported</source>
        <translation>Importée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="18"/>
        <source>Reserved</source>
        <translation>Réservée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="19"/>
        <source>Released</source>
        <translation>Libérée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="20"/>
        <source>Reassigned</source>
        <translation>Réaffectée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="21"/>
        <source>Confirmation started</source>
        <translation>Confirmation commencée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="22"/>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="23"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="24"/>
        <source>Call back planned</source>
        <translation>Rappel planifié</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="25"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="26"/>
        <source>Marked duplicate</source>
        <translation>Marquée doublon</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="27"/>
        <source>Marked erroneous</source>
        <translation>Marquée erronée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="28"/>
        <source>Reopened</source>
        <translation>Rouverte</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="29"/>
        <source>Articles changed</source>
        <translation>Articles modifiés</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="30"/>
        <source>Customer changed</source>
        <translation>Client modifié</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="31"/>
        <source>Delivery date set</source>
        <translation>Date de livraison fixée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="32"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="33"/>
        <source>Escalated</source>
        <translation>Escaladée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="34"/>
        <source>Escalation answered</source>
        <translation>Réponse à l&apos;escalade</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="35"/>
        <source>Taken over by the lead</source>
        <translation>Reprise par le chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="36"/>
        <source>Imported from the shop</source>
        <translation>Importée depuis la boutique</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="37"/>
        <source>Updated by the shop&apos;s import</source>
        <translation>Mise à jour par l&apos;import de la boutique</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="38"/>
        <source>Imported again, unchanged</source>
        <translation>Réimportée, sans changement</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="39"/>
        <source>Contact attempt</source>
        <translation>Tentative de contact</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="41"/>
        <source>Attempt flagged to the lead (changed nothing)</source>
        <translation>Tentative signalée au chef d&apos;équipe (sans effet sur la commande)</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="43"/>
        <source>One more attempt granted</source>
        <translation>Une tentative supplémentaire accordée</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="64"/>
        <source>order discount %1 %</source>
        <translation>remise globale %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="66"/>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="71"/>
        <source>delivery on %1</source>
        <translation>livraison le %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="76"/>
        <source>call back at %1</source>
        <translation>rappel le %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="88"/>
        <source>free delivery</source>
        <translation>livraison offerte</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="108"/>
        <source>discount %1 % on %2</source>
        <translation>remise de %1 % sur %2</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="122"/>
        <source>Add an article: reference or name</source>
        <translation>Ajouter un article : référence ou nom</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="133"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="135"/>
        <source>Remove line</source>
        <translation>Retirer la ligne</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="136"/>
        <source>Free delivery</source>
        <translation>Livraison offerte</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="138"/>
        <source>A rescue gesture: use it within your shop&apos;s rules.</source>
        <translation>Geste commercial : selon les règles de votre boutique.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="143"/>
        <source>Order discount: </source>
        <translation>Remise globale : </translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="157"/>
        <source>Save lines</source>
        <extracomment>The last order discount within the limit: what is priced and saved.</extracomment>
        <translation>Enregistrer les articles</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="182"/>
        <source>Subtotal</source>
        <translation>Sous-total</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="183"/>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="184"/>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="189"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="185"/>
        <source>Upsell</source>
        <translation>Upsell</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="270"/>
        <source>Line discount: at most %1 % for you.</source>
        <translation>Remise par ligne : %1 % au maximum pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="273"/>
        <source>Discount on the whole order: at most %1 % for you.</source>
        <translation>Remise globale : %1 % au maximum pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="293"/>
        <source>Order discount of %1 % refused: %2 % at most for you.</source>
        <translation>Remise globale de %1 % refusée : %2 % au maximum pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="308"/>
        <source>Line discount of %1 % refused: %2 % at most for you; the line keeps its discount.</source>
        <translation>Remise de %1 % sur la ligne refusée : %2 % au maximum pour vous ; la ligne garde sa remise.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="327"/>
        <source>Free delivery is not allowed for you.</source>
        <translation>La livraison offerte ne vous est pas autorisée.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="348"/>
        <source>Cannot price this order: %1</source>
        <translation>Impossible de calculer le prix : %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="357"/>
        <source>unknown city</source>
        <translation>ville inconnue</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="362"/>
        <source>tier %1</source>
        <translation>palier %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="362"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="392"/>
        <source>single</source>
        <translation>unique</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="393"/>
        <source>%1 — %2 in stock</source>
        <translation>%1 — %2 en stock</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../ui/order_lines_model.py" line="26"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="27"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="28"/>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="29"/>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="30"/>
        <source>Discount %</source>
        <translation>Remise %</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="31"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="166"/>
        <source>Upsell price</source>
        <translation>Prix upsell</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../ui/order_panel.py" line="115"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="117"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="118"/>
        <source>Phones</source>
        <translation>Téléphones</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="119"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="133"/>
        <source>Save address</source>
        <translation>Enregistrer l&apos;adresse</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="152"/>
        <source>Set date</source>
        <translation>Fixer la date</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="154"/>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="163"/>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="165"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="166"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="167"/>
        <source>Delivery date</source>
        <translation>Date de livraison</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="172"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="180"/>
        <location filename="../../ui/order_panel.py" line="191"/>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="181"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="182"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="183"/>
        <source>Ring</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="184"/>
        <source>Talk</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="185"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="186"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="201"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="202"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="203"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="204"/>
        <source>Previous orders</source>
        <translation>Commandes précédentes</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="226"/>
        <source>Open an order from the queue, or press F8 for the next one.</source>
        <translation>Ouvrez une commande de la file, ou appuyez sur F8 pour la suivante.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="277"/>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="285"/>
        <source>Call back on %1</source>
        <translation>Rappel le %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="291"/>
        <source>Held by %1</source>
        <translation>Tenue par %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="586"/>
        <source>Choose the delivery date first.</source>
        <translation>Choisissez d&apos;abord la date de livraison.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="289"/>
        <source>You hold this order</source>
        <translation>Vous tenez cette commande</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="93"/>
        <source>One more attempt</source>
        <translation>Une tentative de plus</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="348"/>
        <source>This phone has another open order: %1. Check it is not a duplicate.</source>
        <translation>Ce numéro a une autre commande ouverte : %1. Vérifiez que ce n&apos;est pas un doublon.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="363"/>
        <location filename="../../ui/order_panel.py" line="396"/>
        <source>Call %1</source>
        <translation>Appeler le %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="375"/>
        <source>Allow one more contact attempt on this order (%1 so far, limit %2).</source>
        <translation>Autoriser une tentative de contact de plus sur cette commande (%1 jusqu’ici, limite %2).</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="408"/>
        <source>Delivery: %1</source>
        <translation>Livraison : %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="410"/>
        <source>No delivery fee known for this city</source>
        <translation>Aucun frais de livraison connu pour cette ville</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="433"/>
        <source>Attempts (%1)</source>
        <translation>Tentatives (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="438"/>
        <source> (waiting to send)</source>
        <translation> (en attente d&apos;envoi)</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="447"/>
        <source>Order discount: %1 %</source>
        <translation>Remise globale : %1 %</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/order_panel.py" line="453"/>
        <source>Discount on %n line(s)</source>
        <translation>
            <numerusform>Remise sur %n ligne</numerusform>
            <numerusform>Remise sur %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="455"/>
        <source>Free delivery</source>
        <translation>Livraison offerte</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="458"/>
        <source>Delivery on %1</source>
        <translation>Livraison le %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="467"/>
        <source>A later delivery agreed with the customer: %1 days at most for you.</source>
        <translation>Livraison différée convenue avec le client : %1 jours au maximum pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="494"/>
        <source>The history is unavailable offline.</source>
        <translation>L&apos;historique n&apos;est pas disponible hors ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="550"/>
        <source>Previous orders (%1)</source>
        <translation>Commandes précédentes (%1)</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/formatting.py" line="36"/>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="37"/>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="38"/>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="39"/>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="40"/>
        <source>Invalid number</source>
        <translation>Numéro invalide</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="41"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="42"/>
        <source>Cancelled by agent</source>
        <translation>Annulé par l&apos;agent</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="43"/>
        <source>Message sent</source>
        <translation>Message envoyé</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="140"/>
        <source>Outcomes today</source>
        <extracomment>Grid lines and axes: visible on the panel without competing with the bars.</extracomment>
        <translation>Résultats du jour</translation>
    </message>
</context>
<context>
    <name>OwnHistoryModel</name>
    <message>
        <location filename="../../ui/own_history_model.py" line="82"/>
        <source>Contact attempt</source>
        <translation>Tentative de contact</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="83"/>
        <source>Work started</source>
        <translation>Traitement commencé</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="84"/>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="85"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="86"/>
        <source>Call back planned</source>
        <translation>Rappel planifié</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="87"/>
        <source>Marked unreachable</source>
        <translation>Marquée injoignable</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="88"/>
        <source>Marked duplicate</source>
        <translation>Marquée doublon</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="89"/>
        <source>Marked erroneous</source>
        <translation>Marquée erronée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="90"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="91"/>
        <source>Lines edited</source>
        <translation>Lignes modifiées</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="92"/>
        <source>Customer edited</source>
        <translation>Client modifié</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="93"/>
        <source>Delivery date set</source>
        <translation>Date de livraison fixée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="94"/>
        <source>Escalated to the lead</source>
        <translation>Escaladée au chef d&apos;équipe</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="95"/>
        <source>Escalation answered</source>
        <translation>Réponse à l&apos;escalade</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="96"/>
        <source>Escalation taken over</source>
        <translation>Escalade reprise</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="97"/>
        <source>Order created</source>
        <translation>Commande créée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="98"/>
        <source>Reopened</source>
        <translation>Rouverte</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="99"/>
        <source>Reassigned</source>
        <translation>Réaffectée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="100"/>
        <source>Returned from preparation</source>
        <translation>Retour confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="101"/>
        <source>One more attempt granted</source>
        <translation>Une tentative supplémentaire accordée</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="109"/>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="110"/>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="111"/>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="112"/>
        <source>Unclassified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="122"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="122"/>
        <source>Talk time</source>
        <translation>Temps de conversation</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="70"/>
        <source>My profile</source>
        <extracomment>Codes meaning &quot;the server is not there right now&quot;. A password change finished: True when the server accepted it. A history page was shown, or its failure was (tests wait on it).</extracomment>
        <translation>Mon profil</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="107"/>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="74"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="75"/>
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="76"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="79"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="81"/>
        <source>My history</source>
        <translation>Mon historique</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="100"/>
        <source>At least %1 characters</source>
        <translation>Au moins %1 caractères</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="111"/>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="112"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="113"/>
        <source>Repeat new password</source>
        <translation>Répétez le nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="123"/>
        <source>Not available on this server yet.</source>
        <translation>Pas encore disponible sur ce serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="130"/>
        <source>Type your current password first.</source>
        <translation>Saisissez d&apos;abord votre mot de passe actuel.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="134"/>
        <location filename="../../ui/profile_dialog.py" line="186"/>
        <source>The new password needs at least %1 characters.</source>
        <translation>Le nouveau mot de passe doit contenir au moins %1 caractères.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="140"/>
        <source>The two new passwords differ.</source>
        <translation>Les deux nouveaux mots de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="150"/>
        <location filename="../../ui/profile_dialog.py" line="182"/>
        <source>The new password must differ from the current one.</source>
        <translation>Le nouveau mot de passe doit être différent de l&apos;actuel.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="153"/>
        <source>Changing the password…</source>
        <translation>Changement du mot de passe…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="165"/>
        <source>Password changed. Your other sessions were signed out; this one stays open.</source>
        <translation>Mot de passe changé. Vos autres sessions ont été déconnectées ; celle-ci reste ouverte.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="178"/>
        <source>The server cannot be reached; your password was not changed.</source>
        <translation>Le serveur est injoignable ; votre mot de passe n&apos;a pas été changé.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="184"/>
        <source>Too many wrong passwords: wait a few minutes, then try again.</source>
        <translation>Trop de mots de passe erronés : patientez quelques minutes, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="189"/>
        <source>Your session has expired; sign in again.</source>
        <translation>Votre session a expiré ; reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="196"/>
        <source>This password is too easy to guess: avoid common words, repeated characters and your user name.</source>
        <translation>Ce mot de passe est trop facile à deviner : évitez les mots courants, les caractères répétés et votre nom d’utilisateur.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="215"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="217"/>
        <source>Older entries</source>
        <translation>Entrées plus anciennes</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="229"/>
        <source>Your history is not available here.</source>
        <translation>Votre historique n&apos;est pas disponible ici.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="256"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="272"/>
        <source>Nothing yet: your actions will show here.</source>
        <translation>Rien pour l&apos;instant : vos actions s&apos;afficheront ici.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="275"/>
        <source>%1 entries, newest first.</source>
        <translation>%1 entrées, les plus récentes en premier.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="288"/>
        <source>You are offline: your history can be read once the server is reachable again.</source>
        <translation>Vous êtes hors ligne : votre historique sera lisible dès que le serveur sera de nouveau joignable.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="291"/>
        <source>Your session has expired; sign in again to read your history.</source>
        <translation>Votre session a expiré ; reconnectez-vous pour lire votre historique.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="293"/>
        <source>Your history is not available: %1</source>
        <translation>Votre historique n&apos;est pas disponible : %1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="180"/>
        <location filename="../../ui/profile_dialog.py" line="181"/>
        <source>The current password is wrong.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
</context>
<context>
    <name>QueueDepthModel</name>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="47"/>
        <source>Callbacks due now</source>
        <extracomment>Open statuses in the order a lead reads the queue.</extracomment>
        <translation>Rappels dus maintenant</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="67"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="67"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="80"/>
        <source>Search name, phone, e-mail or reference</source>
        <extracomment>Which columns stay when the pane narrows, most useful first. Room around a cell&apos;s text (margins of the style and a little air). The last query asked for (shown or on its way); None before the first. Each column&apos;s width for its usual texts (the chooser&apos;s measure).</extracomment>
        <translation>Rechercher nom, téléphone, e-mail ou référence</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="86"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="94"/>
        <location filename="../../ui/queue_panel.py" line="221"/>
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="96"/>
        <source>Callbacks due</source>
        <translation>Rappels dus</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="97"/>
        <source>Returned</source>
        <translation>Retours</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="103"/>
        <source>Type at least %1 characters to search</source>
        <translation>Tapez au moins %1 caractères pour rechercher</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_panel.py" line="363"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n commande</numerusform>
            <numerusform>%n commandes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="41"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="42"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="46"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="45"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="43"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="44"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="47"/>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="48"/>
        <source>Call back</source>
        <translation>À rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="49"/>
        <source>Held by</source>
        <translation>Tenue par</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="339"/>
        <source>Held by %1</source>
        <extracomment>Rows of the first screenful, fetched and formatted with the ids, so painting them needs neither SQL nor formatting on the GUI thread. Orders changed since the running query started (its rows may be older). Generation of the query on screen (``_generation`` runs ahead while a newer one is on its way). Fetches a window of ids elsewhere (worker thread); None: here, now.</extracomment>
        <translation>Tenue par %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="378"/>
        <source>me</source>
        <translation>moi</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <location filename="../../ui/refusal_text.py" line="48"/>
        <source>only the agent who holds the order can contact the customer or record an outcome: open it first.</source>
        <translation>seul l’agent qui tient la commande peut contacter le client ou enregistrer un résultat : ouvrez-la d’abord.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="56"/>
        <source>this order was taken over by %1 at %2.</source>
        <translation>cette commande a été reprise par %1 à %2.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="61"/>
        <source>this order is now held by %1.</source>
        <translation>cette commande est maintenant tenue par %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="64"/>
        <source>your reservation of this order expired.</source>
        <translation>votre réservation de cette commande a expiré.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="66"/>
        <source>the order was changed by someone else in the meantime.</source>
        <translation>la commande a été modifiée par quelqu&apos;un d&apos;autre entre-temps.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="71"/>
        <source>there is not enough stock for %1.</source>
        <translation>le stock est insuffisant pour %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="77"/>
        <source>the order already had %1 contact attempts (the limit is %2): mark it unreachable or ask your team lead.</source>
        <translation>la commande a déjà eu %1 tentatives de contact (la limite est %2) : marquez-la injoignable ou demandez à votre chef d’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="85"/>
        <source>the attempt limit is reached.</source>
        <translation>la limite de tentatives est atteinte.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="90"/>
        <source>the server cannot be reached right now.</source>
        <translation>le serveur est injoignable pour le moment.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="113"/>
        <source>this customer was called less than %1 minutes ago: the next call is possible from %2.</source>
        <translation>ce client a été appelé il y a moins de %1 minutes : le prochain appel est possible à partir de %2.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="125"/>
        <source>this order belongs to %1.</source>
        <translation>cette commande appartient à %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="128"/>
        <source>this order belongs to another agent.</source>
        <translation>cette commande appartient à un autre agent.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="132"/>
        <source>you already hold %1 orders (the limit is %2): finish or give one back first.</source>
        <translation>vous tenez déjà %1 commandes (la limite est %2) : terminez-en ou rendez-en une d’abord.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="143"/>
        <source>this order is closed (%1).</source>
        <translation>cette commande est clôturée (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="148"/>
        <source>this attempt is older than %1 hours, longer than a desk may stay offline.</source>
        <translation>cette tentative date de plus de %1 heures, plus longtemps qu’un poste peut rester hors ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="154"/>
        <source>there is no such order.</source>
        <translation>cette commande n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="155"/>
        <source>only a team lead or an admin can do this.</source>
        <translation>seul un chef d’équipe ou un administrateur peut faire cela.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="158"/>
        <source>this order is closed.</source>
        <translation>cette commande est clôturée.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="159"/>
        <source>this order is confirmed and can no longer be changed: ask your team lead.</source>
        <translation>cette commande est confirmée et ne peut plus être modifiée : demandez à votre chef d’équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="163"/>
        <source>contact the customer (call, WhatsApp or SMS) before confirming the order.</source>
        <translation>contactez le client (appel, WhatsApp ou SMS) avant de confirmer la commande.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="167"/>
        <source>the order has no article.</source>
        <translation>la commande n’a aucun article.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="168"/>
        <source>try to reach the customer at least once before marking the order unreachable.</source>
        <translation>essayez de joindre le client au moins une fois avant de marquer la commande injoignable.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="172"/>
        <source>the order is not closed.</source>
        <translation>la commande n’est pas clôturée.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="173"/>
        <source>the order is not confirmed.</source>
        <translation>la commande n’est pas confirmée.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="174"/>
        <source>this cannot be done in the order&apos;s current state.</source>
        <translation>ce n’est pas possible dans l’état actuel de la commande.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="177"/>
        <source>this attempt is dated in the future: check the desk&apos;s clock.</source>
        <translation>cette tentative est datée dans le futur : vérifiez l’horloge du poste.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="180"/>
        <source>this attempt lasted longer than the time since it started.</source>
        <translation>cette tentative a duré plus longtemps que le temps écoulé depuis son début.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="201"/>
        <source>the discount on the order may not exceed %1 % for you.</source>
        <translation>la remise globale ne peut pas dépasser %1 % pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="206"/>
        <source>the discount on a line may not exceed %1 % for you.</source>
        <translation>la remise sur une ligne ne peut pas dépasser %1 % pour vous.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="210"/>
        <source>the delivery may be put off by %1 days at most.</source>
        <translation>la livraison peut être reportée de %1 jours au plus.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="216"/>
        <source>the phone number %1 is not valid.</source>
        <translation>le numéro de téléphone %1 n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="218"/>
        <source>the phone number is not valid.</source>
        <translation>le numéro de téléphone n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="222"/>
        <source>the article %1 is not in the catalogue.</source>
        <translation>l&apos;article %1 n&apos;est pas au catalogue.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="225"/>
        <source>you may not grant free delivery.</source>
        <translation>vous ne pouvez pas offrir la livraison.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="228"/>
        <source>the delivery date is in the past.</source>
        <translation>la date de livraison est dans le passé.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="231"/>
        <source>the order waits for the team lead&apos;s answer.</source>
        <translation>la commande attend la réponse du chef d&apos;équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="234"/>
        <source>the order is already with the team lead.</source>
        <translation>la commande est déjà chez le chef d&apos;équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="237"/>
        <source>the order is not escalated any more.</source>
        <translation>la commande n&apos;est plus escaladée.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="238"/>
        <source>the current password is wrong.</source>
        <translation>le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="239"/>
        <source>the new password must differ from the current one.</source>
        <translation>le nouveau mot de passe doit être différent de l&apos;actuel.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="242"/>
        <source>you are not allowed to do this.</source>
        <translation>vous n&apos;avez pas le droit de faire ceci.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="243"/>
        <source>an administrator reset your password: choose a new one in your profile first.</source>
        <translation>un administrateur a réinitialisé votre mot de passe : choisissez-en un nouveau dans votre profil d’abord.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="247"/>
        <source>this password is too easy to guess; choose a longer one.</source>
        <translation>ce mot de passe est trop facile à deviner ; choisissez-en un plus long.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="259"/>
        <source>You no longer hold order %1: %2</source>
        <translation>Vous ne tenez plus la commande %1 : %2</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../ui/reports/report_table_model.py" line="91"/>
        <source>{count} of these come from the note classifier</source>
        <extracomment>Role giving the raw value of a cell (tests and sorting).</extracomment>
        <translation>{count} d&apos;entre eux viennent du classement des notes</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="138"/>
        <source>Classify free-text notes (if an admin enabled it)</source>
        <extracomment>Emitted when a report was shown (tests wait on it). Emitted with the path of a written CSV file. Emitted once an admin&apos;s team picker is filled.</extracomment>
        <translation>Classer les notes libres (si un admin l&apos;a activé)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="139"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="142"/>
        <source>All teams</source>
        <translation>Toutes les équipes</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="145"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="151"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="153"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="170"/>
        <source>Agents × hours</source>
        <translation>Agents × heures</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="171"/>
        <source>Outcomes</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="172"/>
        <source>Cancel reasons</source>
        <translation>Motifs d&apos;annulation</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="194"/>
        <source>The list of teams could not be read: {message}</source>
        <translation>Impossible de lire la liste des équipes : {message}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="223"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="243"/>
        <source>The last day comes before the first.</source>
        <translation>Le dernier jour précède le premier.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="246"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="261"/>
        <source>all days</source>
        <translation>tous les jours</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="263"/>
        <location filename="../../ui/reports/reports_tab.py" line="271"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="274"/>
        <source>(no reason)</source>
        <translation>(sans motif)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="290"/>
        <source>Outcome classes come from the recorded dispositions.</source>
        <translation>Les classes de résultat viennent des issues enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="292"/>
        <source>Figures marked * come from the note classifier ({model}): {count} notes classified.</source>
        <translation>Les chiffres marqués * viennent du classement des notes ({model}) : {count} notes classées.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="295"/>
        <source>{failed} notes could not be classified.</source>
        <translation>{failed} notes n&apos;ont pas pu être classées.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="303"/>
        <source>The report failed: {message}</source>
        <translation>Le rapport a échoué : {message}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="319"/>
        <source>The export failed: {message}</source>
        <translation>L&apos;export a échoué : {message}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Shortcuts</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Play test tone</source>
        <translation>Jouer un son de test</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Test ringer</source>
        <translation>Tester la sonnerie</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79"/>
        <source>Test microphone</source>
        <translation>Tester le micro</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>Headset</source>
        <translation>Casque</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <source>Ringer</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95"/>
        <source>Audio devices are not available.</source>
        <translation>Les périphériques audio ne sont pas disponibles.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="124"/>
        <source>The new language applies at the next start.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="24"/>
        <source>Call the selected number</source>
        <translation>Appeler le numéro choisi</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="25"/>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="26"/>
        <source>Take the next order</source>
        <translation>Prendre la commande suivante</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="27"/>
        <source>Confirm the order</source>
        <translation>Confirmer la commande</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="28"/>
        <source>Write a note</source>
        <translation>Écrire une note</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29"/>
        <source>Search the queue</source>
        <translation>Rechercher dans la file</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="30"/>
        <source>WhatsApp message</source>
        <translation>Message WhatsApp</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31"/>
        <source>My day (dashboard)</source>
        <translation>Ma journée (tableau de bord)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="34"/>
        <source>Team wallboard (leads)</source>
        <translation>Tableau mural de l&apos;équipe (chefs)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36"/>
        <source>Team reports (leads)</source>
        <translation>Rapports de l&apos;équipe (chefs)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="26"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="26"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/formatting.py" line="23"/>
        <source>Unassigned</source>
        <extracomment>How dates with times read everywhere, including the date-time fields. How dates read everywhere, including the date fields.</extracomment>
        <translation>Non affectée</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="24"/>
        <source>Assigned</source>
        <translation>Affectée</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="25"/>
        <source>Being confirmed</source>
        <translation>En cours de confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="26"/>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="27"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="28"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="29"/>
        <source>Erroneous</source>
        <translation>Erronée</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>Returned from preparation</source>
        <translation>Retour confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="31"/>
        <source>Call back</source>
        <translation>À rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="32"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="137"/>
        <source>Alert thresholds</source>
        <extracomment>Answer of ``choose_new_owner`` meaning &quot;back to the pool, no owner&quot;.</extracomment>
        <translation>Seuils d&apos;alerte</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="142"/>
        <source>Call longer than (minutes)</source>
        <translation>Appel plus long que (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="143"/>
        <source>Pause longer than (minutes)</source>
        <translation>Pause plus longue que (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="144"/>
        <source>Oldest unconfirmed order older than (minutes)</source>
        <translation>Plus ancienne commande non confirmée au-delà de (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="146"/>
        <source>Escalation waiting longer than (minutes)</source>
        <translation>Escalade en attente au-delà de (minutes)</translation>
    </message>
</context>
<context>
    <name>WallboardTexts</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="26"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="27"/>
        <source>Ringing</source>
        <translation>Sonne</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="28"/>
        <source>In call</source>
        <translation>En appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="29"/>
        <source>Wrap-up</source>
        <translation>Clôture de l&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="30"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="31"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="37"/>
        <source>Unassigned</source>
        <translation>Non affectée</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="38"/>
        <source>Assigned</source>
        <translation>Affectée</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="39"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="40"/>
        <source>Confirmed</source>
        <translation>Confirmée</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="41"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="42"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="43"/>
        <source>Erroneous</source>
        <translation>Erronée</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="44"/>
        <source>Returned from preparation</source>
        <translation>Retour confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="45"/>
        <source>Call back</source>
        <translation>À rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="46"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="52"/>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="53"/>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="54"/>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="55"/>
        <source>Unclassified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="62"/>
        <source>without holding the order</source>
        <translation>sans tenir la commande</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="63"/>
        <source>past the attempt limit</source>
        <translation>au-delà de la limite de tentatives</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="64"/>
        <source>too soon after the previous call</source>
        <translation>trop tôt après l’appel précédent</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="71"/>
        <source>%1 %2 on %3, %4</source>
        <translation>%1 %2 sur %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/wallboard/wallboard_texts.py" line="80"/>
        <source>%n attempt(s) flagged today</source>
        <translation>
            <numerusform>%n tentative signalée aujourd’hui</numerusform>
            <numerusform>%n tentatives signalées aujourd’hui</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="83"/>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="89"/>
        <source>{name}: call for {elapsed}</source>
        <translation>{name} : en appel depuis {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="91"/>
        <source>{name}: paused for {elapsed}</source>
        <translation>{name} : en pause depuis {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="95"/>
        <source>Order {ref} waits for the lead for {elapsed}</source>
        <translation>Commande {ref} en attente du chef d&apos;équipe depuis {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="98"/>
        <source>Order {ref} unconfirmed for {elapsed}</source>
        <translation>Commande {ref} non confirmée depuis {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="104"/>
        <source>Complex case</source>
        <translation>Cas complexe</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="105"/>
        <source>Complaint</source>
        <translation>Réclamation</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="106"/>
        <source>Special authorisation</source>
        <translation>Autorisation spéciale</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="114"/>
        <source>Only the lead of this order&apos;s team or an admin may do this.</source>
        <translation>Réservé au chef de l&apos;équipe de cette commande ou à un admin.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="116"/>
        <source>This escalation was already answered or taken over by someone else.</source>
        <translation>Quelqu&apos;un d&apos;autre a déjà répondu à cette escalade ou l&apos;a reprise.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="118"/>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="119"/>
        <source>This order no longer exists or is not visible to you.</source>
        <translation>Cette commande n&apos;existe plus ou ne vous est pas visible.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="120"/>
        <source>This order is closed.</source>
        <translation>Cette commande est clôturée.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="121"/>
        <source>The server cannot be reached; try again in a moment.</source>
        <translation>Le serveur est injoignable ; réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="122"/>
        <source>The server did not answer in time; try again.</source>
        <translation>Le serveur n&apos;a pas répondu à temps ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="123"/>
        <source>The server failed; try again in a moment.</source>
        <translation>Erreur du serveur ; réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="124"/>
        <source>Your session has expired; sign in again.</source>
        <translation>Votre session a expiré ; reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>WallboardWindow</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="92"/>
        <source>Hatif — Wallboard</source>
        <extracomment>Escalation rows hold two lines (order and customer, agent and reason). Escalation rows shown without scrolling; the panel grows with them up to this. Largest tile scale: a small team gets big tiles, but not absurd ones. How much wider than its scaled size a tile may grow to fill its row. The window was closed (whoever opened it stops the live feed).</extracomment>
        <translation>Hatif — Tableau mural</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="134"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="319"/>
        <source>Wallboard</source>
        <translation>Tableau mural</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="138"/>
        <source>Not live — reconnecting</source>
        <translation>Pas en direct — reconnexion</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="140"/>
        <source>Alert thresholds…</source>
        <translation>Seuils d&apos;alerte…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="142"/>
        <source>Full screen (F11)</source>
        <translation>Plein écran (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="202"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="208"/>
        <source>Leases held</source>
        <translation>Commandes en main</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="230"/>
        <source>No order is waiting for you.</source>
        <translation>Aucune commande ne vous attend.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="232"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="529"/>
        <source>Answer…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="234"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="530"/>
        <source>Take over</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="319"/>
        <source>Wallboard — {team}</source>
        <translation>Tableau mural — {team}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="436"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="455"/>
        <source>Reassign order {ref}…</source>
        <translation>Réaffecter la commande {ref}…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="440"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="459"/>
        <source>Release order {ref}</source>
        <translation>Libérer la commande {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="444"/>
        <source>Open {name}&apos;s journal for today</source>
        <translation>Ouvrir le journal du jour de {name}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="492"/>
        <source>Escalations ({count})</source>
        <translation>Escalades ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="493"/>
        <source>Escalations</source>
        <translation>Escalades</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="544"/>
        <source>Write an answer for the agent first.</source>
        <translation>Écrivez d&apos;abord une réponse pour l&apos;agent.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="563"/>
        <source>The action failed: {message}</source>
        <translation>L&apos;action a échoué : {message}</translation>
    </message>
</context>
<context>
    <name>WorkspaceStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="33"/>
        <location filename="../../ui/status_bar.py" line="98"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="38"/>
        <source>Pause: %1</source>
        <translation>Pause : %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54"/>
        <source>break</source>
        <translation>café</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="55"/>
        <source>lunch</source>
        <translation>déjeuner</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="56"/>
        <source>training</source>
        <translation>formation</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57"/>
        <source>meeting</source>
        <translation>réunion</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="58"/>
        <source>headset unplugged</source>
        <translation>casque débranché</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="64"/>
        <source>Server online</source>
        <translation>Serveur en ligne</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="66"/>
        <source>Server offline since %1</source>
        <translation>Serveur hors ligne depuis %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="68"/>
        <source>Server offline</source>
        <translation>Serveur hors ligne</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="70"/>
        <source>%n action(s) waiting</source>
        <translation>
            <numerusform>%n action en attente</numerusform>
            <numerusform>%n actions en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="79"/>
        <source>Phone ready</source>
        <translation>Téléphone prêt</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="80"/>
        <source>Phone ready (direct)</source>
        <translation>Téléphone prêt (direct)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="81"/>
        <source>Phone connecting…</source>
        <translation>Téléphone en connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="82"/>
        <source>Phone not registered</source>
        <translation>Téléphone non enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="83"/>
        <source>Phone off</source>
        <translation>Téléphone éteint</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="100"/>
        <source>Ringing</source>
        <translation>Sonne</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="102"/>
        <source>In call %1</source>
        <translation>En appel %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="104"/>
        <source>Wrap-up %1</source>
        <translation>Clôture %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106"/>
        <source>Paused (%1) %2</source>
        <translation>En pause (%1) %2</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Hatif — %1</source>
        <extracomment>Room left on the screen for the window&apos;s title bar and frame. Claim refusals the order panel already states (the order opens read-only with them).</extracomment>
        <translation>Hatif — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>New order…</source>
        <translation>Nouvelle commande…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>My profile…</source>
        <translation>Mon profil…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Order</source>
        <translation>&amp;Commande</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Next order</source>
        <translation>Commande suivante</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Write a note</source>
        <translation>Écrire une note</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Escalate to the team lead…</source>
        <translation>Escalader au chef d&apos;équipe…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Search the queue</source>
        <translation>Rechercher dans la file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Call</source>
        <translation>&amp;Appel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>WhatsApp…</source>
        <translation>WhatsApp…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>SMS…</source>
        <translation>SMS…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>My day</source>
        <translation>Ma journée</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Not available on this server yet.</source>
        <translation>Pas encore disponible sur ce serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;Team</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Wallboard</source>
        <translation>Tableau mural</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>Phone unavailable</source>
        <translation>Téléphone indisponible</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>The softphone could not start.</source>
        <translation>Le softphone n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>Cancel the order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>Cancel order %1 for the reason “%2”? The customer will not receive it.</source>
        <translation>Annuler la commande %1 pour le motif « %2 » ? Le client ne la recevra pas.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>No order is waiting right now.</source>
        <translation>Aucune commande en attente pour le moment.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>This order waits for the team lead&apos;s answer: only a lead can take it.</source>
        <translation>Cette commande attend la réponse du chef d&apos;équipe : seul un chef d&apos;équipe peut la prendre.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>%1 already holds this order.</source>
        <translation>%1 traite déjà cette commande.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>You are offline: new orders cannot be taken until the server is back. You can keep working on the orders you already hold.</source>
        <translation>Vous êtes hors ligne : impossible de prendre de nouvelles commandes avant le retour du serveur. Vous pouvez continuer sur les commandes que vous tenez déjà.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>The server did not give you this order.</source>
        <translation>Le serveur ne vous a pas attribué cette commande.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492"/>
        <source>Headset unplugged</source>
        <translation>Casque débranché</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>The headset “%1” disappeared. You are paused until you choose another device or plug it back in.</source>
        <translation>Le casque « %1 » a disparu. Vous êtes en pause jusqu&apos;à ce que vous choisissiez un autre périphérique ou le rebranchiez.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Sending the SMS through the gateway…</source>
        <translation>Envoi du SMS par la passerelle…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>Message not sent</source>
        <translation>Message non envoyé</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558"/>
        <source>SMS sent through your team&apos;s gateway.</source>
        <translation>SMS envoyé par la passerelle SMS de votre équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>No team-lead extension is set: your lead sets it in the team settings.</source>
        <translation>Aucun poste de chef d&apos;équipe n&apos;est défini : votre chef le renseigne dans les réglages de l&apos;équipe.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="565"/>
        <source>Hang up the current call first.</source>
        <translation>Raccrochez d&apos;abord l&apos;appel en cours.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="566"/>
        <source>Your lead is busy: you are back with the customer.</source>
        <translation>Votre chef d&apos;équipe est occupé : vous êtes de retour avec le client.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>Your lead did not answer: you are back with the customer.</source>
        <translation>Votre chef d&apos;équipe n&apos;a pas répondu : vous êtes de retour avec le client.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="571"/>
        <source>Your lead&apos;s phone cannot be reached: you are back with the customer.</source>
        <translation>Le poste de votre chef d&apos;équipe est injoignable : vous êtes de retour avec le client.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
        <source>Your lead hung up: you are back with the customer.</source>
        <translation>Votre chef d&apos;équipe a raccroché : vous êtes de retour avec le client.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>The transfer did not go through: you are still with your lead, the customer on hold.</source>
        <translation>Le transfert n&apos;a pas abouti : vous êtes toujours avec votre chef d&apos;équipe, le client en attente.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>The customer hung up during the consultation.</source>
        <translation>Le client a raccroché pendant la consultation.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>The SMS gateway did not answer in time: the SMS was not sent.</source>
        <translation>La passerelle SMS n&apos;a pas répondu à temps : le SMS n&apos;a pas été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="589"/>
        <source>The SMS gateway cannot be reached: the SMS was not sent.</source>
        <translation>La passerelle SMS est injoignable : le SMS n&apos;a pas été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>The SMS gateway refused the message: it was not sent.</source>
        <translation>La passerelle SMS a refusé le message : il n&apos;a pas été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="593"/>
        <source>WhatsApp calls are not available on this computer.</source>
        <translation>Les appels WhatsApp ne sont pas disponibles sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="601"/>
        <source>WhatsApp could not be opened: no application on this computer opens WhatsApp links. The attempt is in the journal as failed.</source>
        <translation>WhatsApp n&apos;a pas pu être ouvert : aucune application de cet ordinateur n&apos;ouvre les liens WhatsApp. La tentative figure au journal comme échouée.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="606"/>
        <source>No SMS application on this computer opens the message. The attempt is in the journal as failed.</source>
        <translation>Aucune application SMS de cet ordinateur n&apos;ouvre le message. La tentative figure au journal comme échouée.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>This number cannot receive messages.</source>
        <translation>Ce numéro ne peut pas recevoir de messages.</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="50"/>
        <source>Wrap-up</source>
        <translation>Clôture de l&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="63"/>
        <source>Free note for the team (Ctrl+N)</source>
        <extracomment>Asked with the reason before a cancellation goes; the window asks the agent.</extracomment>
        <translation>Note libre pour l&apos;équipe (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="65"/>
        <location filename="../../ui/wrapup_panel.py" line="176"/>
        <source>Add note</source>
        <translation>Ajouter la note</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="68"/>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="70"/>
        <location filename="../../ui/wrapup_panel.py" line="178"/>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="76"/>
        <location filename="../../ui/wrapup_panel.py" line="182"/>
        <source>Call back</source>
        <translation>À rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="95"/>
        <location filename="../../ui/wrapup_panel.py" line="184"/>
        <location filename="../../ui/wrapup_panel.py" line="241"/>
        <source>Unreachable</source>
        <translation>Injoignable</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="97"/>
        <location filename="../../ui/wrapup_panel.py" line="185"/>
        <location filename="../../ui/wrapup_panel.py" line="242"/>
        <source>Duplicate</source>
        <translation>Doublon</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="98"/>
        <location filename="../../ui/wrapup_panel.py" line="186"/>
        <location filename="../../ui/wrapup_panel.py" line="243"/>
        <source>Erroneous</source>
        <translation>Erronée</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="146"/>
        <source>Predefined note…</source>
        <translation>Note prédéfinie…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="150"/>
        <source>Reason for cancelling…</source>
        <translation>Motif d&apos;annulation…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="172"/>
        <source>Confirm the order (%1)</source>
        <translation>Confirmer la commande (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="199"/>
        <source>Suggested times…</source>
        <translation>Créneaux suggérés…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="237"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="238"/>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="239"/>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="240"/>
        <source>Call-back</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="244"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="245"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="246"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="247"/>
        <source>Escalation</source>
        <translation>Escalade</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="248"/>
        <source>Answer to the escalation</source>
        <translation>Réponse à l&apos;escalade</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="249"/>
        <source>Taking over</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="250"/>
        <source>Delivery date</source>
        <translation>Date de livraison</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="251"/>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="252"/>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="253"/>
        <source>Extra attempt</source>
        <translation>Tentative supplémentaire</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="263"/>
        <source>%1 saved, waiting for the server…</source>
        <translation>En attente du serveur : %1 (gardé sur ce poste)…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="265"/>
        <source>%1 accepted by the server.</source>
        <translation>Le serveur a accepté : %1.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="268"/>
        <source>%1 not applied: %2</source>
        <translation>Le serveur n&apos;a pas appliqué : %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="272"/>
        <source>%1 refused by the server: %2</source>
        <translation>Le serveur a refusé : %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="298"/>
        <source>Choose a reason for cancelling first.</source>
        <translation>Choisissez d&apos;abord un motif d&apos;annulation.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="317"/>
        <source>Choose a call-back time in the future.</source>
        <translation>Choisissez une heure de rappel dans le futur.</translation>
    </message>
</context>
</TS>
