<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgentTileDelegate</name>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>calls</source>
        <extracomment>Size of a tile at scale 1; the window shrinks tiles so a whole team fits. Caption font relative to the base size, and how far it may shrink to fit. Widest value a figure cell must hold (values are short numbers and a percentage). Room between two figure cells, in pixels at scale 1.</extracomment>
        <translation>مكالمات</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>talk min</source>
        <translation>دقائق المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="138"/>
        <source>confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tile_delegate.py" line="139"/>
        <source>conversion</source>
        <translation>التحويل</translation>
    </message>
</context>
<context>
    <name>AgentTilesModel</name>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="127"/>
        <source>Order {ref}</source>
        <translation>الطلب {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="128"/>
        <source>No order</source>
        <translation>لا طلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/agent_tiles_model.py" line="131"/>
        <source>{calls} calls · {talk} talk · {confirmed} confirmed · {conversion}</source>
        <translation>{calls} مكالمات · {talk} محادثة · {confirmed} مؤكدة · {conversion}</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../ui/call_bar.py" line="85"/>
        <source>Call</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="87"/>
        <location filename="../../ui/call_bar.py" line="269"/>
        <source>Hang up</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="89"/>
        <source>Mute</source>
        <translation>كتم</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="91"/>
        <source>Hold</source>
        <translation>انتظار</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="94"/>
        <source>Keypad</source>
        <translation>لوحة الأرقام</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="104"/>
        <source>Transfer to lead</source>
        <translation>تحويل إلى الرئيس</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="107"/>
        <source>Send the customer to your lead at once, without talking to them first</source>
        <translation>تحويل الزبون إلى رئيس الفريق فورًا دون التحدث إليه أولًا</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="109"/>
        <source>Consult lead</source>
        <translation>استشارة الرئيس</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="112"/>
        <source>Put the customer on hold and call your lead before transferring</source>
        <translation>وضع الزبون في الانتظار والاتصال برئيس الفريق قبل التحويل</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="115"/>
        <source>Complete transfer</source>
        <translation>إتمام التحويل</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="119"/>
        <source>Hand the customer to your lead and free your line</source>
        <translation>تسليم الزبون إلى رئيس الفريق وتحرير خطك</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="121"/>
        <source>Back to customer</source>
        <translation>العودة إلى الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="124"/>
        <source>End the call with your lead and take the customer off hold</source>
        <translation>إنهاء المكالمة مع رئيس الفريق وإخراج الزبون من الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="126"/>
        <source>WhatsApp</source>
        <translation>واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="128"/>
        <source>SMS</source>
        <translation>رسالة SMS</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="202"/>
        <source>Send a WhatsApp message (Ctrl+W)</source>
        <translation>إرسال رسالة واتساب (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="203"/>
        <source>Send an SMS</source>
        <translation>إرسال رسالة نصية</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="215"/>
        <source>Attempt %1 of %2</source>
        <translation>المحاولة %1 من %2</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="219"/>
        <source>All %1 attempts used</source>
        <translation>استُنفدت المحاولات الـ %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="223"/>
        <source>Next call from %1</source>
        <translation>المكالمة التالية ابتداءً من %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="243"/>
        <source>Call (F5)</source>
        <translation>اتصال (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="269"/>
        <source>End the call with your lead</source>
        <translation>إنهاء المكالمة مع رئيس الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="304"/>
        <source>No call</source>
        <translation>لا مكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="305"/>
        <source>Dialing…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="306"/>
        <source>Ringing…</source>
        <translation>يرن…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="307"/>
        <source>Incoming call</source>
        <translation>مكالمة واردة</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="308"/>
        <source>In call</source>
        <translation>في مكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="309"/>
        <source>Call ended</source>
        <translation>انتهت المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="314"/>
        <source>Calling your lead…</source>
        <translation>جارٍ الاتصال برئيس الفريق…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="315"/>
        <source>Consulting your lead…</source>
        <translation>قيد التشاور مع رئيس الفريق…</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="316"/>
        <source>Transferring to your lead…</source>
        <translation>جارٍ التحويل إلى رئيس الفريق…</translation>
    </message>
</context>
<context>
    <name>CallbackReminder</name>
    <message>
        <location filename="../../ui/callback_reminder.py" line="39"/>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <location filename="../../ui/callback_reminder.py" line="40"/>
        <source>Later</source>
        <translation>لاحقًا</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/callback_reminder.py" line="62"/>
        <source>%n call-back(s) due now. Next: %1</source>
        <translation>
            <numerusform>لا اتصال مستحق. التالي: %1</numerusform>
            <numerusform>اتصال واحد مستحق الآن. التالي: %1</numerusform>
            <numerusform>اتصالان مستحقان الآن. التالي: %1</numerusform>
            <numerusform>%n اتصالات مستحقة الآن. التالي: %1</numerusform>
            <numerusform>%n اتصالًا مستحقًا الآن. التالي: %1</numerusform>
            <numerusform>%n اتصال مستحق الآن. التالي: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/formatting.py" line="47"/>
        <source>Call</source>
        <translation>مكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="48"/>
        <source>WhatsApp</source>
        <translation>واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="49"/>
        <source>SMS</source>
        <translation>رسالة SMS</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="25"/>
        <source>My day</source>
        <translation>يومي</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="28"/>
        <source>Me</source>
        <translation>أنا</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="29"/>
        <source>Team average</source>
        <translation>معدل الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="31"/>
        <source>Calls</source>
        <translation>المكالمات</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="32"/>
        <source>Talk time</source>
        <translation>مدة المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="33"/>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="34"/>
        <source>Confirmed value</source>
        <translation>قيمة المؤكد</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard_dialog.py" line="35"/>
        <source>Conversion</source>
        <translation>نسبة التحويل</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../ui/desktop_app.py" line="283"/>
        <source>Hatif closed unexpectedly last time. A report was saved in %1.</source>
        <extracomment>``--wallboard`` signed in with an agent&apos;s account.</extracomment>
        <translation>أُغلق هاتف بشكل غير متوقع في المرة السابقة. حُفظ تقرير في %1.</translation>
    </message>
    <message>
        <location filename="../../ui/desktop_app.py" line="302"/>
        <source>The wallboard is for team leads and administrators; %1 signs in as an agent.</source>
        <translation>لوحة المتابعة مخصصة لرؤساء الفرق والمسؤولين؛ %1 يسجّل الدخول بصفة وكيل.</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="20"/>
        <source>Escalate to the team lead</source>
        <translation>التصعيد إلى رئيس الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="23"/>
        <source>Complex case</source>
        <translation>حالة معقدة</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="24"/>
        <source>Complaint</source>
        <translation>شكاية</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="25"/>
        <source>Special authorisation</source>
        <translation>إذن خاص</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="27"/>
        <source>What should the lead know?</source>
        <translation>ما الذي يجب أن يعرفه رئيس الفريق؟</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="31"/>
        <source>Escalate</source>
        <translation>تصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="35"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="36"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
</context>
<context>
    <name>Escalation</name>
    <message>
        <location filename="../../ui/escalation_banner.py" line="12"/>
        <source>Complex case</source>
        <translation>حالة معقدة</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="13"/>
        <source>Complaint</source>
        <translation>شكاية</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="14"/>
        <source>Special authorisation</source>
        <translation>إذن خاص</translation>
    </message>
</context>
<context>
    <name>EscalationAnswerDialog</name>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="52"/>
        <source>Answer the escalation of order %1</source>
        <translation>الرد على تصعيد الطلب %1</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="55"/>
        <source>Your answer to the agent</source>
        <translation>ردك على الوكيل</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="60"/>
        <source>Send the answer</source>
        <translation>إرسال الرد</translation>
    </message>
    <message>
        <location filename="../../ui/escalate_dialog.py" line="66"/>
        <source>Answer</source>
        <translation>الرد</translation>
    </message>
</context>
<context>
    <name>EscalationBanner</name>
    <message>
        <location filename="../../ui/escalation_banner.py" line="35"/>
        <source>Answer…</source>
        <translation>رد…</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="38"/>
        <source>Reply to the agent: the order goes back to them with your answer as a note.</source>
        <translation>الرد على الوكيل: يعود إليه الطلب مع ردك كملاحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="40"/>
        <source>Take over</source>
        <translation>تولّي الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="42"/>
        <source>Handle the order yourself: you become its owner.</source>
        <translation>عالج الطلب بنفسك: يصبح مسندًا إليك.</translation>
    </message>
    <message>
        <location filename="../../ui/escalation_banner.py" line="58"/>
        <source>Escalated to the team lead by %1 since %2 — %3</source>
        <translation>صعّده %1 إلى رئيس الفريق منذ %2 — %3</translation>
    </message>
</context>
<context>
    <name>EscalationsModel</name>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="85"/>
        <source>Escalated by {name} at {time}</source>
        <translation>صعّده {name} على الساعة {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Order</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/escalations_model.py" line="103"/>
        <source>Waiting</source>
        <translation>الانتظار</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../ui/hourly_chart.py" line="77"/>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="207"/>
        <source>Calls</source>
        <translation>المكالمات</translation>
    </message>
    <message>
        <location filename="../../ui/hourly_chart.py" line="78"/>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <location filename="../../ui/hourly_chart.py" line="79"/>
        <source>Team average (calls)</source>
        <translation>معدل الفريق (مكالمات)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="204"/>
        <source>Calls and confirmations per hour</source>
        <translation>المكالمات والتأكيدات في الساعة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="208"/>
        <source>Confirmations</source>
        <translation>التأكيدات</translation>
    </message>
</context>
<context>
    <name>InboundCallPopup</name>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="31"/>
        <source>Incoming call</source>
        <translation>مكالمة واردة</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="38"/>
        <source>Answer</source>
        <translation>رد</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="39"/>
        <source>Decline</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="45"/>
        <source>Orders of this number:</source>
        <translation>طلبات هذا الرقم:</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="55"/>
        <source>%1 is calling</source>
        <translation>%1 يتصل</translation>
    </message>
    <message>
        <location filename="../../ui/inbound_call_popup.py" line="61"/>
        <source>No order found for this number</source>
        <translation>لا يوجد طلب لهذا الرقم</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="174"/>
        <source>Journal of {name} today</source>
        <translation>سجل {name} اليوم</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Order</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="177"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="178"/>
        <source>Talk (s)</source>
        <translation>المحادثة (ث)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="178"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>LeadWindows</name>
    <message>
        <location filename="../../ui/wallboard/lead_windows.py" line="88"/>
        <source>Hatif — Reports</source>
        <extracomment>The server refused the token (revoked, expired): the live feed waits for a new sign-in, then :meth:`resume_after_login`.</extracomment>
        <translation>هاتف — التقارير</translation>
    </message>
</context>
<context>
    <name>LeasesModel</name>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="67"/>
        <source>Held by {name} since {time}</source>
        <translation>بيد {name} منذ {time}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>Order</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>Held by</source>
        <translation>بيد</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/leases_model.py" line="79"/>
        <source>For</source>
        <translation>لـ</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="40"/>
        <source>Sign in to Hatif</source>
        <translation>تسجيل الدخول إلى هاتف</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="51"/>
        <source>Stay signed in on this computer</source>
        <translation>البقاء متصلًا على هذا الحاسوب</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <source>No secure keyring on this computer.</source>
        <translation>لا توجد خزنة آمنة على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="63"/>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="70"/>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="71"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="72"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="84"/>
        <source>Fill in the server, your username and your password.</source>
        <translation>املأ الخادم واسم المستخدم وكلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="87"/>
        <source>Signing in…</source>
        <translation>جارٍ تسجيل الدخول…</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="107"/>
        <source>Wrong username or password.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="109"/>
        <source>The server cannot be reached. Check the address and the network.</source>
        <translation>تعذّر الوصول إلى الخادم. تحقّق من العنوان والشبكة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="112"/>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation>لم يُجب الخادم في الوقت المحدد. تحقّق من الشبكة وأعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="115"/>
        <source>This computer does not trust the server&apos;s certificate: {cause} Ask IT to set server.ca_file to the certificate of the company&apos;s CA.</source>
        <translation>هذا الحاسوب لا يثق بشهادة الخادم: {cause} اطلب من قسم المعلوميات ضبط server.ca_file على شهادة جهة التصديق الخاصة بالشركة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="119"/>
        <source>The CA certificate file set for this computer (server.ca_file) cannot be read. Ask IT to check it.</source>
        <translation>تعذّرت قراءة ملف شهادة جهة التصديق المضبوط على هذا الحاسوب (server.ca_file). اطلب من قسم المعلوميات التحقق منه.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="123"/>
        <source>The secure connection to the server failed. Check the address (https:// or http://) with IT.</source>
        <translation>فشل الاتصال الآمن بالخادم. تحقّق من العنوان (https:// أو http://) مع قسم المعلوميات.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="127"/>
        <source>Too many wrong passwords for this account from this computer: wait %1 s, then try again.</source>
        <translation>عدد كبير من كلمات المرور الخاطئة لهذا الحساب من هذا الحاسوب: انتظر %1 ث ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="131"/>
        <source>The server is busy signing other colleagues in: try again in %1 s.</source>
        <translation>الخادم مشغول بتسجيل دخول زملاء آخرين: أعد المحاولة بعد %1 ث.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="141"/>
        <source>it is self-signed or signed by an unknown CA.</source>
        <translation>فهي موقّعة ذاتيًا أو من جهة تصديق مجهولة.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="142"/>
        <source>it is signed by a CA this computer does not know.</source>
        <translation>فهي موقّعة من جهة تصديق لا يعرفها هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="143"/>
        <source>it has expired or is not valid yet.</source>
        <translation>فقد انتهت صلاحيتها أو لم تصبح صالحة بعد.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="144"/>
        <source>it was issued for another server name.</source>
        <translation>فقد صدرت لاسم خادم آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="146"/>
        <source>it could not be verified.</source>
        <translation>فقد تعذّر التحقق منها.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../ui/message_dialog.py" line="47"/>
        <source>WhatsApp message</source>
        <translation>رسالة واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="47"/>
        <source>SMS message</source>
        <translation>رسالة SMS</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="54"/>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="54"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="65"/>
        <source>Text message</source>
        <translation>رسالة نصية</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="66"/>
        <source>Voice message</source>
        <translation>رسالة صوتية</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="67"/>
        <source>WhatsApp call</source>
        <translation>مكالمة واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="76"/>
        <source>Sent through your team&apos;s SMS gateway.</source>
        <translation>تُرسل عبر بوابة الرسائل القصيرة الخاصة بفريقك.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="78"/>
        <source>Opens this computer&apos;s SMS application.</source>
        <translation>يفتح تطبيق الرسائل القصيرة على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="93"/>
        <location filename="../../ui/message_dialog.py" line="158"/>
        <source>Open and send</source>
        <translation>فتح وإرسال</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="96"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="100"/>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="102"/>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="107"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="108"/>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="109"/>
        <source>Message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="156"/>
        <source>Call on WhatsApp</source>
        <translation>اتصال عبر واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="165"/>
        <source>No message template is set up yet: write the message yourself.</source>
        <translation>لم يتم إعداد أي نموذج رسالة بعد: اكتب الرسالة بنفسك.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="172"/>
        <source>This order has no %1. Write it in the message or choose another template.</source>
        <translation>هذا الطلب لا يحتوي على قيمة لـ: %1. اكتبها في الرسالة أو اختر نموذجا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="183"/>
        <source>customer name</source>
        <translation>اسم الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="184"/>
        <source>order number</source>
        <translation>رقم الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="185"/>
        <source>amount to pay</source>
        <translation>المبلغ المطلوب</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="186"/>
        <source>articles</source>
        <translation>المنتجات</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="187"/>
        <source>city</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="188"/>
        <source>address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="189"/>
        <source>phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="190"/>
        <source>delivery fee</source>
        <translation>رسوم التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="191"/>
        <source>agent name</source>
        <translation>اسم الموظف</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="192"/>
        <source>shop name</source>
        <translation>اسم المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/message_dialog.py" line="193"/>
        <source>agreed callback time</source>
        <translation>موعد الاتصال المتفق عليه</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../ui/formatting.py" line="69"/>
        <source>%1 MAD</source>
        <translation>%1 درهم</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="33"/>
        <source>New order</source>
        <extracomment>The phone whose known customer filled name and address (None: typed by hand).</extracomment>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="36"/>
        <source>06 12 34 56 78</source>
        <translation>06 12 34 56 78</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="53"/>
        <source>Note for the team (optional)</source>
        <translation>ملاحظة للفريق (اختيارية)</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="60"/>
        <source>Create order</source>
        <translation>إنشاء الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="64"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="66"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="67"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="68"/>
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="70"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="94"/>
        <source>New customer</source>
        <translation>زبون جديد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/new_order_dialog.py" line="101"/>
        <source>Known customer: %1 (%n order(s))</source>
        <translation>
            <numerusform>زبون معروف: %1 (لا طلبات)</numerusform>
            <numerusform>زبون معروف: %1 (طلب واحد)</numerusform>
            <numerusform>زبون معروف: %1 (طلبان)</numerusform>
            <numerusform>زبون معروف: %1 (%n طلبات)</numerusform>
            <numerusform>زبون معروف: %1 (%n طلبًا)</numerusform>
            <numerusform>زبون معروف: %1 (%n طلب)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="116"/>
        <source>Enter a valid phone number.</source>
        <translation>أدخل رقم هاتف صحيحًا.</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="119"/>
        <source>Enter the customer&apos;s name.</source>
        <translation>أدخل اسم الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/new_order_dialog.py" line="122"/>
        <source>Add at least one article.</source>
        <translation>أضف منتجًا واحدًا على الأقل.</translation>
    </message>
</context>
<context>
    <name>OrderHistory</name>
    <message>
        <location filename="../../ui/order_history_text.py" line="16"/>
        <source>Created</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="17"/>
        <source>Imported</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="18"/>
        <source>Reserved</source>
        <translation>حجز</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="19"/>
        <source>Released</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="20"/>
        <source>Reassigned</source>
        <translation>إعادة إسناد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="21"/>
        <source>Confirmation started</source>
        <translation>بدء التأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="22"/>
        <source>Confirmed</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="23"/>
        <source>Cancelled</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="24"/>
        <source>Call back planned</source>
        <translation>تحديد موعد إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="25"/>
        <source>Unreachable</source>
        <translation>تعذّر الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="26"/>
        <source>Marked duplicate</source>
        <translation>وسم كمكرر</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="27"/>
        <source>Marked erroneous</source>
        <translation>وسم كخاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="28"/>
        <source>Reopened</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="29"/>
        <source>Articles changed</source>
        <translation>تعديل المنتجات</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="30"/>
        <source>Customer changed</source>
        <translation>تعديل الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="31"/>
        <source>Delivery date set</source>
        <translation>تحديد تاريخ التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="32"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="33"/>
        <source>Escalated</source>
        <translation>تصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="34"/>
        <source>Escalation answered</source>
        <translation>الرد على التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="35"/>
        <source>Taken over by the lead</source>
        <translation>تولّاه رئيس الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="36"/>
        <source>Imported from the shop</source>
        <translation>مستوردة من المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="37"/>
        <source>Updated by the shop&apos;s import</source>
        <translation>حُدّثت عبر استيراد المتجر</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="38"/>
        <source>Imported again, unchanged</source>
        <translation>أعيد استيرادها دون تغيير</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="39"/>
        <source>Contact attempt</source>
        <translation>محاولة اتصال</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="41"/>
        <source>Attempt flagged to the lead (changed nothing)</source>
        <translation>محاولة مُبلَّغ عنها لرئيس الفريق (دون أي أثر على الطلب)</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="43"/>
        <source>One more attempt granted</source>
        <translation>تم منح محاولة إضافية</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="64"/>
        <source>order discount %1 %</source>
        <translation>خصم الطلب %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="66"/>
        <source>total %1</source>
        <translation>المجموع %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="71"/>
        <source>delivery on %1</source>
        <translation>التوصيل يوم %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="76"/>
        <source>call back at %1</source>
        <translation>إعادة الاتصال في %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="88"/>
        <source>free delivery</source>
        <translation>توصيل مجاني</translation>
    </message>
    <message>
        <location filename="../../ui/order_history_text.py" line="108"/>
        <source>discount %1 % on %2</source>
        <translation>خصم %1 % على %2</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="122"/>
        <source>Add an article: reference or name</source>
        <translation>إضافة منتج: المرجع أو الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="133"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="135"/>
        <source>Remove line</source>
        <translation>حذف السطر</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="136"/>
        <source>Free delivery</source>
        <translation>توصيل مجاني</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="138"/>
        <source>A rescue gesture: use it within your shop&apos;s rules.</source>
        <translation>لفتة تجارية: وفق قواعد متجرك.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="143"/>
        <source>Order discount: </source>
        <translation>خصم الطلب: </translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="157"/>
        <source>Save lines</source>
        <extracomment>The last order discount within the limit: what is priced and saved.</extracomment>
        <translation>حفظ المنتجات</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="182"/>
        <source>Subtotal</source>
        <translation>المجموع الفرعي</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="183"/>
        <source>Delivery</source>
        <translation>التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="184"/>
        <source>Discount</source>
        <translation>الخصم</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="189"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="185"/>
        <source>Upsell</source>
        <translation>البيع الإضافي</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="270"/>
        <source>Line discount: at most %1 % for you.</source>
        <translation>خصم السطر: %1 % كحد أقصى بالنسبة لك.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="273"/>
        <source>Discount on the whole order: at most %1 % for you.</source>
        <translation>خصم على الطلب كاملًا: %1 % كحد أقصى بالنسبة لك.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="293"/>
        <source>Order discount of %1 % refused: %2 % at most for you.</source>
        <translation>رُفض خصم الطلب بنسبة %1 %: الحد الأقصى المسموح لك %2 %.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="308"/>
        <source>Line discount of %1 % refused: %2 % at most for you; the line keeps its discount.</source>
        <translation>رُفض خصم السطر بنسبة %1 %: الحد الأقصى المسموح لك %2 %؛ يحتفظ السطر بخصمه.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="327"/>
        <source>Free delivery is not allowed for you.</source>
        <translation>التوصيل المجاني غير مسموح لك.</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="348"/>
        <source>Cannot price this order: %1</source>
        <translation>تعذّر حساب سعر الطلب: %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="357"/>
        <source>unknown city</source>
        <translation>مدينة غير معروفة</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="362"/>
        <source>tier %1</source>
        <translation>المستوى %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="362"/>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="392"/>
        <source>single</source>
        <translation>وحيد</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_editor.py" line="393"/>
        <source>%1 — %2 in stock</source>
        <translation>%1 — %2 في المخزون</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../ui/order_lines_model.py" line="26"/>
        <source>Article</source>
        <translation>المنتج</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="27"/>
        <source>Variant</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="28"/>
        <source>Qty</source>
        <translation>الكمية</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="29"/>
        <source>Unit price</source>
        <translation>سعر الوحدة</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="30"/>
        <source>Discount %</source>
        <translation>الخصم %</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="31"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/order_lines_model.py" line="166"/>
        <source>Upsell price</source>
        <translation>سعر البيع الإضافي</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../ui/order_panel.py" line="115"/>
        <source>Customer</source>
        <translation>الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="117"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="118"/>
        <source>Phones</source>
        <translation>الهواتف</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="119"/>
        <source>E-mail</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="133"/>
        <source>Save address</source>
        <translation>حفظ العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="152"/>
        <source>Set date</source>
        <translation>تحديد التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="154"/>
        <source>No date</source>
        <translation>بدون تاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="163"/>
        <source>Delivery</source>
        <translation>التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="165"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="166"/>
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="167"/>
        <source>Delivery date</source>
        <translation>تاريخ التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="172"/>
        <source>Articles</source>
        <translation>المنتجات</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="180"/>
        <location filename="../../ui/order_panel.py" line="191"/>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="181"/>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="182"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="183"/>
        <source>Ring</source>
        <translation>الرنين</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="184"/>
        <source>Talk</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="185"/>
        <source>SIP</source>
        <translation>SIP</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="186"/>
        <source>Agent</source>
        <translation>الوكيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>What</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="191"/>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="194"/>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="197"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="201"/>
        <source>Attempts</source>
        <translation>المحاولات</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="202"/>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="203"/>
        <source>History</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="204"/>
        <source>Previous orders</source>
        <translation>الطلبات السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="226"/>
        <source>Open an order from the queue, or press F8 for the next one.</source>
        <translation>افتح طلبًا من القائمة، أو اضغط F8 للطلب التالي.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="277"/>
        <source>Order %1</source>
        <translation>الطلب %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="285"/>
        <source>Call back on %1</source>
        <translation>إعادة الاتصال في %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="291"/>
        <source>Held by %1</source>
        <translation>بيد %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="586"/>
        <source>Choose the delivery date first.</source>
        <translation>اختر تاريخ التوصيل أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="289"/>
        <source>You hold this order</source>
        <translation>هذا الطلب بيدك</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="93"/>
        <source>One more attempt</source>
        <translation>محاولة إضافية</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="348"/>
        <source>This phone has another open order: %1. Check it is not a duplicate.</source>
        <translation>لهذا الرقم طلب آخر مفتوح: %1. تحقّق من أنه ليس مكررًا.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="363"/>
        <location filename="../../ui/order_panel.py" line="396"/>
        <source>Call %1</source>
        <translation>الاتصال بـ %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="375"/>
        <source>Allow one more contact attempt on this order (%1 so far, limit %2).</source>
        <translation>السماح بمحاولة اتصال إضافية على هذا الطلب (%1 حتى الآن، الحد %2).</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="408"/>
        <source>Delivery: %1</source>
        <translation>التوصيل: %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="410"/>
        <source>No delivery fee known for this city</source>
        <translation>لا توجد رسوم توصيل معروفة لهذه المدينة</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="433"/>
        <source>Attempts (%1)</source>
        <translation>المحاولات (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="438"/>
        <source> (waiting to send)</source>
        <translation> (في انتظار الإرسال)</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="447"/>
        <source>Order discount: %1 %</source>
        <translation>خصم الطلب: %1 %</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/order_panel.py" line="453"/>
        <source>Discount on %n line(s)</source>
        <translation>
            <numerusform>لا خصم على أي سطر</numerusform>
            <numerusform>خصم على سطر واحد</numerusform>
            <numerusform>خصم على سطرين</numerusform>
            <numerusform>خصم على %n أسطر</numerusform>
            <numerusform>خصم على %n سطرًا</numerusform>
            <numerusform>خصم على %n سطر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="455"/>
        <source>Free delivery</source>
        <translation>توصيل مجاني</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="458"/>
        <source>Delivery on %1</source>
        <translation>التوصيل يوم %1</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="467"/>
        <source>A later delivery agreed with the customer: %1 days at most for you.</source>
        <translation>توصيل مؤجل باتفاق مع الزبون: %1 أيام كحد أقصى بالنسبة لك.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="494"/>
        <source>The history is unavailable offline.</source>
        <translation>السجل غير متاح دون اتصال.</translation>
    </message>
    <message>
        <location filename="../../ui/order_panel.py" line="550"/>
        <source>Previous orders (%1)</source>
        <translation>الطلبات السابقة (%1)</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../../ui/formatting.py" line="36"/>
        <source>Answered</source>
        <translation>تم الرد</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="37"/>
        <source>No answer</source>
        <translation>لا رد</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="38"/>
        <source>Busy</source>
        <translation>مشغول</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="39"/>
        <source>Declined</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="40"/>
        <source>Invalid number</source>
        <translation>رقم غير صالح</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="41"/>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="42"/>
        <source>Cancelled by agent</source>
        <translation>ألغاه الوكيل</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="43"/>
        <source>Message sent</source>
        <translation>أُرسلت الرسالة</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_charts.py" line="140"/>
        <source>Outcomes today</source>
        <extracomment>Grid lines and axes: visible on the panel without competing with the bars.</extracomment>
        <translation>نتائج اليوم</translation>
    </message>
</context>
<context>
    <name>OwnHistoryModel</name>
    <message>
        <location filename="../../ui/own_history_model.py" line="82"/>
        <source>Contact attempt</source>
        <translation>محاولة تواصل</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="83"/>
        <source>Work started</source>
        <translation>بدء المعالجة</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="84"/>
        <source>Confirmed</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="85"/>
        <source>Cancelled</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="86"/>
        <source>Call back planned</source>
        <translation>تحديد موعد إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="87"/>
        <source>Marked unreachable</source>
        <translation>وسم كمتعذّر الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="88"/>
        <source>Marked duplicate</source>
        <translation>وسم كمكرر</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="89"/>
        <source>Marked erroneous</source>
        <translation>وسم كخاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="90"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="91"/>
        <source>Lines edited</source>
        <translation>تعديل الأسطر</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="92"/>
        <source>Customer edited</source>
        <translation>تعديل الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="93"/>
        <source>Delivery date set</source>
        <translation>تحديد تاريخ التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="94"/>
        <source>Escalated to the lead</source>
        <translation>تصعيد إلى رئيس الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="95"/>
        <source>Escalation answered</source>
        <translation>الرد على التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="96"/>
        <source>Escalation taken over</source>
        <translation>تولّي التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="97"/>
        <source>Order created</source>
        <translation>إنشاء الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="98"/>
        <source>Reopened</source>
        <translation>إعادة فتح</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="99"/>
        <source>Reassigned</source>
        <translation>إعادة إسناد</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="100"/>
        <source>Returned from preparation</source>
        <translation>مرتجع من التحضير</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="101"/>
        <source>One more attempt granted</source>
        <translation>تم منح محاولة إضافية</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="109"/>
        <source>Positive</source>
        <translation>إيجابي</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="110"/>
        <source>Negative</source>
        <translation>سلبي</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="111"/>
        <source>Partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="112"/>
        <source>Unclassified</source>
        <translation>غير مصنف</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Order</source>
        <translation>الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="121"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="122"/>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <location filename="../../ui/own_history_model.py" line="122"/>
        <source>Talk time</source>
        <translation>مدة المحادثة</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profile_dialog.py" line="70"/>
        <source>My profile</source>
        <extracomment>Codes meaning &quot;the server is not there right now&quot;. A password change finished: True when the server accepted it. A history page was shown, or its failure was (tests wait on it).</extracomment>
        <translation>ملفي الشخصي</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="107"/>
        <source>Change password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="74"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="75"/>
        <source>Username</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="76"/>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="79"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="81"/>
        <source>My history</source>
        <translation>سجلي</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="100"/>
        <source>At least %1 characters</source>
        <translation>%1 أحرف على الأقل</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="111"/>
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="112"/>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="113"/>
        <source>Repeat new password</source>
        <translation>أعد كتابة كلمة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="123"/>
        <source>Not available on this server yet.</source>
        <translation>غير متاح بعد على هذا الخادم.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="130"/>
        <source>Type your current password first.</source>
        <translation>أدخل كلمة المرور الحالية أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="134"/>
        <location filename="../../ui/profile_dialog.py" line="186"/>
        <source>The new password needs at least %1 characters.</source>
        <translation>يجب أن تتضمن كلمة المرور الجديدة %1 أحرف على الأقل.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="140"/>
        <source>The two new passwords differ.</source>
        <translation>كلمتا المرور الجديدتان مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="150"/>
        <location filename="../../ui/profile_dialog.py" line="182"/>
        <source>The new password must differ from the current one.</source>
        <translation>يجب أن تختلف كلمة المرور الجديدة عن الحالية.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="153"/>
        <source>Changing the password…</source>
        <translation>جارٍ تغيير كلمة المرور…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="165"/>
        <source>Password changed. Your other sessions were signed out; this one stays open.</source>
        <translation>تم تغيير كلمة المرور. سُجّل الخروج من جلساتك الأخرى، وتبقى هذه الجلسة مفتوحة.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="178"/>
        <source>The server cannot be reached; your password was not changed.</source>
        <translation>تعذّر الوصول إلى الخادم؛ لم تُغيَّر كلمة المرور.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="184"/>
        <source>Too many wrong passwords: wait a few minutes, then try again.</source>
        <translation>محاولات خاطئة كثيرة: انتظر بضع دقائق ثم أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="189"/>
        <source>Your session has expired; sign in again.</source>
        <translation>انتهت صلاحية جلستك؛ سجّل الدخول من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="196"/>
        <source>This password is too easy to guess: avoid common words, repeated characters and your user name.</source>
        <translation>كلمة المرور هذه سهلة التخمين: تجنّب الكلمات الشائعة والأحرف المكرّرة واسم المستخدم الخاص بك.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="215"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="217"/>
        <source>Older entries</source>
        <translation>الإدخالات الأقدم</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="229"/>
        <source>Your history is not available here.</source>
        <translation>سجلك غير متاح هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="256"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="272"/>
        <source>Nothing yet: your actions will show here.</source>
        <translation>لا شيء بعد: ستظهر إجراءاتك هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="275"/>
        <source>%1 entries, newest first.</source>
        <translation>عدد الإدخالات: %1، الأحدث أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="288"/>
        <source>You are offline: your history can be read once the server is reachable again.</source>
        <translation>أنت غير متصل: يمكن قراءة سجلك عندما يصبح الخادم متاحًا من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="291"/>
        <source>Your session has expired; sign in again to read your history.</source>
        <translation>انتهت صلاحية جلستك؛ سجّل الدخول من جديد لقراءة سجلك.</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="293"/>
        <source>Your history is not available: %1</source>
        <translation>سجلك غير متاح: %1</translation>
    </message>
    <message>
        <location filename="../../ui/profile_dialog.py" line="180"/>
        <location filename="../../ui/profile_dialog.py" line="181"/>
        <source>The current password is wrong.</source>
        <translation>كلمة المرور الحالية غير صحيحة.</translation>
    </message>
</context>
<context>
    <name>QueueDepthModel</name>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="47"/>
        <source>Callbacks due now</source>
        <extracomment>Open statuses in the order a lead reads the queue.</extracomment>
        <translation>اتصالات مستحقة الآن</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="67"/>
        <source>Queue</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/queue_model.py" line="67"/>
        <source>Orders</source>
        <translation>الطلبات</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="80"/>
        <source>Search name, phone, e-mail or reference</source>
        <extracomment>Which columns stay when the pane narrows, most useful first. Room around a cell&apos;s text (margins of the style and a little air). The last query asked for (shown or on its way); None before the first. Each column&apos;s width for its usual texts (the chooser&apos;s measure).</extracomment>
        <translation>ابحث بالاسم أو الهاتف أو البريد أو المرجع</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="86"/>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="94"/>
        <location filename="../../ui/queue_panel.py" line="221"/>
        <source>All cities</source>
        <translation>كل المدن</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="96"/>
        <source>Callbacks due</source>
        <translation>اتصالات مستحقة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="97"/>
        <source>Returned</source>
        <translation>المرتجعات</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="103"/>
        <source>Type at least %1 characters to search</source>
        <translation>اكتب %1 أحرف على الأقل للبحث</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/queue_panel.py" line="363"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>لا طلبات</numerusform>
            <numerusform>طلب واحد</numerusform>
            <numerusform>طلبان</numerusform>
            <numerusform>%n طلبات</numerusform>
            <numerusform>%n طلبًا</numerusform>
            <numerusform>%n طلب</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../ui/queue_model.py" line="41"/>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="42"/>
        <source>Customer</source>
        <translation>الزبون</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="46"/>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="45"/>
        <source>City</source>
        <translation>المدينة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="43"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="44"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="47"/>
        <source>Attempts</source>
        <translation>المحاولات</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="48"/>
        <source>Call back</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="49"/>
        <source>Held by</source>
        <translation>بيد</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="339"/>
        <source>Held by %1</source>
        <extracomment>Rows of the first screenful, fetched and formatted with the ids, so painting them needs neither SQL nor formatting on the GUI thread. Orders changed since the running query started (its rows may be older). Generation of the query on screen (``_generation`` runs ahead while a newer one is on its way). Fetches a window of ids elsewhere (worker thread); None: here, now.</extracomment>
        <translation>بيد %1</translation>
    </message>
    <message>
        <location filename="../../ui/queue_model.py" line="378"/>
        <source>me</source>
        <translation>أنا</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <location filename="../../ui/refusal_text.py" line="48"/>
        <source>only the agent who holds the order can contact the customer or record an outcome: open it first.</source>
        <translation>وحده الموظف الذي يحجز الطلب يمكنه الاتصال بالزبون أو تسجيل نتيجة: افتح الطلب أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="56"/>
        <source>this order was taken over by %1 at %2.</source>
        <translation>أخذ %1 هذا الطلب على الساعة %2.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="61"/>
        <source>this order is now held by %1.</source>
        <translation>هذا الطلب الآن بيد %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="64"/>
        <source>your reservation of this order expired.</source>
        <translation>انتهت مدة حجزك لهذا الطلب.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="66"/>
        <source>the order was changed by someone else in the meantime.</source>
        <translation>عدّل شخص آخر الطلب في الأثناء.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="71"/>
        <source>there is not enough stock for %1.</source>
        <translation>المخزون غير كافٍ لـ %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="77"/>
        <source>the order already had %1 contact attempts (the limit is %2): mark it unreachable or ask your team lead.</source>
        <translation>سبق أن جرت %1 محاولات اتصال على هذا الطلب (الحد %2): سجّله كمتعذّر الوصول أو اسأل رئيس فريقك.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="85"/>
        <source>the attempt limit is reached.</source>
        <translation>تم بلوغ حد المحاولات.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="90"/>
        <source>the server cannot be reached right now.</source>
        <translation>تعذّر الوصول إلى الخادم حاليًا.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="113"/>
        <source>this customer was called less than %1 minutes ago: the next call is possible from %2.</source>
        <translation>تم الاتصال بهذا الزبون منذ أقل من %1 دقيقة: المكالمة التالية ممكنة ابتداءً من %2.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="125"/>
        <source>this order belongs to %1.</source>
        <translation>هذا الطلب يخص %1.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="128"/>
        <source>this order belongs to another agent.</source>
        <translation>هذا الطلب يخص موظفًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="132"/>
        <source>you already hold %1 orders (the limit is %2): finish or give one back first.</source>
        <translation>أنت تحجز %1 طلبات (الحد %2): أنهِ أحدها أو أعده أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="143"/>
        <source>this order is closed (%1).</source>
        <translation>هذا الطلب مغلق (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="148"/>
        <source>this attempt is older than %1 hours, longer than a desk may stay offline.</source>
        <translation>هذه المحاولة أقدم من %1 ساعة، أطول مما يمكن أن يبقى فيه المكتب دون اتصال.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="154"/>
        <source>there is no such order.</source>
        <translation>هذا الطلب غير موجود.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="155"/>
        <source>only a team lead or an admin can do this.</source>
        <translation>وحده رئيس الفريق أو المسؤول يمكنه القيام بهذا.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="158"/>
        <source>this order is closed.</source>
        <translation>هذا الطلب مغلق.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="159"/>
        <source>this order is confirmed and can no longer be changed: ask your team lead.</source>
        <translation>هذا الطلب مؤكَّد ولم يعد قابلًا للتعديل: اسأل رئيس فريقك.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="163"/>
        <source>contact the customer (call, WhatsApp or SMS) before confirming the order.</source>
        <translation>اتصل بالزبون (مكالمة أو واتساب أو رسالة نصية) قبل تأكيد الطلب.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="167"/>
        <source>the order has no article.</source>
        <translation>الطلب لا يحتوي على أي منتج.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="168"/>
        <source>try to reach the customer at least once before marking the order unreachable.</source>
        <translation>حاول الوصول إلى الزبون مرة واحدة على الأقل قبل تسجيل الطلب كمتعذّر الوصول.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="172"/>
        <source>the order is not closed.</source>
        <translation>الطلب غير مغلق.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="173"/>
        <source>the order is not confirmed.</source>
        <translation>الطلب غير مؤكَّد.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="174"/>
        <source>this cannot be done in the order&apos;s current state.</source>
        <translation>لا يمكن القيام بهذا في حالة الطلب الحالية.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="177"/>
        <source>this attempt is dated in the future: check the desk&apos;s clock.</source>
        <translation>هذه المحاولة مؤرخة في المستقبل: تحقّق من ساعة المكتب.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="180"/>
        <source>this attempt lasted longer than the time since it started.</source>
        <translation>استغرقت هذه المحاولة وقتًا أطول من الوقت المنقضي منذ بدايتها.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="201"/>
        <source>the discount on the order may not exceed %1 % for you.</source>
        <translation>لا يمكن أن يتجاوز خصم الطلب %1 % بالنسبة لك.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="206"/>
        <source>the discount on a line may not exceed %1 % for you.</source>
        <translation>لا يمكن أن يتجاوز الخصم على سطر %1 % بالنسبة لك.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="210"/>
        <source>the delivery may be put off by %1 days at most.</source>
        <translation>لا يمكن تأجيل التوصيل بأكثر من %1 أيام.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="216"/>
        <source>the phone number %1 is not valid.</source>
        <translation>رقم الهاتف %1 غير صالح.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="218"/>
        <source>the phone number is not valid.</source>
        <translation>رقم الهاتف غير صالح.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="222"/>
        <source>the article %1 is not in the catalogue.</source>
        <translation>المنتج %1 غير موجود في الكتالوج.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="225"/>
        <source>you may not grant free delivery.</source>
        <translation>لا يمكنك منح التوصيل المجاني.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="228"/>
        <source>the delivery date is in the past.</source>
        <translation>تاريخ التوصيل قد مضى.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="231"/>
        <source>the order waits for the team lead&apos;s answer.</source>
        <translation>الطلب في انتظار رد رئيس الفريق.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="234"/>
        <source>the order is already with the team lead.</source>
        <translation>الطلب لدى رئيس الفريق بالفعل.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="237"/>
        <source>the order is not escalated any more.</source>
        <translation>لم يعد الطلب مصعّدًا.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="238"/>
        <source>the current password is wrong.</source>
        <translation>كلمة المرور الحالية غير صحيحة.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="239"/>
        <source>the new password must differ from the current one.</source>
        <translation>يجب أن تختلف كلمة المرور الجديدة عن الحالية.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="242"/>
        <source>you are not allowed to do this.</source>
        <translation>غير مسموح لك بهذا الإجراء.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="243"/>
        <source>an administrator reset your password: choose a new one in your profile first.</source>
        <translation>أعاد مسؤول تعيين كلمة المرور الخاصة بك: اختر كلمة مرور جديدة في ملفك الشخصي أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="247"/>
        <source>this password is too easy to guess; choose a longer one.</source>
        <translation>كلمة المرور هذه سهلة التخمين؛ اختر كلمة أطول.</translation>
    </message>
    <message>
        <location filename="../../ui/refusal_text.py" line="259"/>
        <source>You no longer hold order %1: %2</source>
        <translation>لم يعد الطلب %1 بيدك: %2</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../ui/reports/report_table_model.py" line="91"/>
        <source>{count} of these come from the note classifier</source>
        <extracomment>Role giving the raw value of a cell (tests and sorting).</extracomment>
        <translation>{count} منها مصدرها مصنِّف الملاحظات</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="138"/>
        <source>Classify free-text notes (if an admin enabled it)</source>
        <extracomment>Emitted when a report was shown (tests wait on it). Emitted with the path of a written CSV file. Emitted once an admin&apos;s team picker is filled.</extracomment>
        <translation>تصنيف الملاحظات الحرة (إن فعّلها المسؤول)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="139"/>
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="142"/>
        <source>All teams</source>
        <translation>كل الفرق</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="145"/>
        <source>Team</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="151"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="153"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="170"/>
        <source>Agents × hours</source>
        <translation>الوكلاء × الساعات</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="171"/>
        <source>Outcomes</source>
        <translation>النتائج</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="172"/>
        <source>Cancel reasons</source>
        <translation>أسباب الإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="194"/>
        <source>The list of teams could not be read: {message}</source>
        <translation>تعذّرت قراءة قائمة الفرق: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="223"/>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="243"/>
        <source>The last day comes before the first.</source>
        <translation>اليوم الأخير يسبق اليوم الأول.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="246"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="261"/>
        <source>all days</source>
        <translation>كل الأيام</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="263"/>
        <location filename="../../ui/reports/reports_tab.py" line="271"/>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="274"/>
        <source>(no reason)</source>
        <translation>(بدون سبب)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="290"/>
        <source>Outcome classes come from the recorded dispositions.</source>
        <translation>فئات النتائج مستخرجة من القرارات المسجلة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="292"/>
        <source>Figures marked * come from the note classifier ({model}): {count} notes classified.</source>
        <translation>الأرقام المعلّمة بـ * مصدرها مصنِّف الملاحظات ({model}): تم تصنيف {count} ملاحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="295"/>
        <source>{failed} notes could not be classified.</source>
        <translation>تعذّر تصنيف {failed} ملاحظة.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="303"/>
        <source>The report failed: {message}</source>
        <translation>فشل التقرير: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_tab.py" line="319"/>
        <source>The export failed: {message}</source>
        <translation>فشل التصدير: {message}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>Audio</source>
        <translation>الصوت</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="44"/>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>System default</source>
        <translation>افتراضي النظام</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="73"/>
        <source>Play test tone</source>
        <translation>تشغيل نغمة اختبار</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="74"/>
        <source>Test ringer</source>
        <translation>اختبار الجرس</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="79"/>
        <source>Test microphone</source>
        <translation>اختبار الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="90"/>
        <source>Microphone</source>
        <translation>الميكروفون</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="91"/>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>Headset</source>
        <translation>السماعة</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="93"/>
        <source>Ringer</source>
        <translation>الجرس</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="95"/>
        <source>Audio devices are not available.</source>
        <translation>أجهزة الصوت غير متوفرة.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="124"/>
        <source>The new language applies at the next start.</source>
        <translation>تُطبَّق اللغة الجديدة عند التشغيل القادم.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="24"/>
        <source>Call the selected number</source>
        <translation>الاتصال بالرقم المختار</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="25"/>
        <source>Hang up</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="26"/>
        <source>Take the next order</source>
        <translation>أخذ الطلب التالي</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="27"/>
        <source>Confirm the order</source>
        <translation>تأكيد الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="28"/>
        <source>Write a note</source>
        <translation>كتابة ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29"/>
        <source>Search the queue</source>
        <translation>البحث في القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="30"/>
        <source>WhatsApp message</source>
        <translation>رسالة واتساب</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31"/>
        <source>My day (dashboard)</source>
        <translation>يومي (لوحة القيادة)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="34"/>
        <source>Team wallboard (leads)</source>
        <translation>لوحة متابعة الفريق (الرؤساء)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36"/>
        <source>Team reports (leads)</source>
        <translation>تقارير الفريق (الرؤساء)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_dialog.py" line="23"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="26"/>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../../ui/help_dialog.py" line="26"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/formatting.py" line="23"/>
        <source>Unassigned</source>
        <extracomment>How dates with times read everywhere, including the date-time fields. How dates read everywhere, including the date fields.</extracomment>
        <translation>غير مُسندة</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="24"/>
        <source>Assigned</source>
        <translation>مُسندة</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="25"/>
        <source>Being confirmed</source>
        <translation>قيد التأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="26"/>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="27"/>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="28"/>
        <source>Duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="29"/>
        <source>Erroneous</source>
        <translation>خاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="30"/>
        <source>Returned from preparation</source>
        <translation>مرتجع من التحضير</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="31"/>
        <source>Call back</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="32"/>
        <source>Unreachable</source>
        <translation>تعذّر الوصول</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="137"/>
        <source>Alert thresholds</source>
        <extracomment>Answer of ``choose_new_owner`` meaning &quot;back to the pool, no owner&quot;.</extracomment>
        <translation>عتبات التنبيه</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="142"/>
        <source>Call longer than (minutes)</source>
        <translation>مكالمة أطول من (دقائق)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="143"/>
        <source>Pause longer than (minutes)</source>
        <translation>استراحة أطول من (دقائق)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="144"/>
        <source>Oldest unconfirmed order older than (minutes)</source>
        <translation>أقدم طلب غير مؤكد أقدم من (دقائق)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_dialogs.py" line="146"/>
        <source>Escalation waiting longer than (minutes)</source>
        <translation>تصعيد في الانتظار أطول من (دقائق)</translation>
    </message>
</context>
<context>
    <name>WallboardTexts</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="26"/>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="27"/>
        <source>Ringing</source>
        <translation>يرن</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="28"/>
        <source>In call</source>
        <translation>في مكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="29"/>
        <source>Wrap-up</source>
        <translation>إنهاء المعالجة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="30"/>
        <source>Paused</source>
        <translation>في استراحة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="31"/>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="37"/>
        <source>Unassigned</source>
        <translation>غير مُسندة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="38"/>
        <source>Assigned</source>
        <translation>مُسندة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="39"/>
        <source>In progress</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="40"/>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="41"/>
        <source>Cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="42"/>
        <source>Duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="43"/>
        <source>Erroneous</source>
        <translation>خاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="44"/>
        <source>Returned from preparation</source>
        <translation>مرتجع من التحضير</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="45"/>
        <source>Call back</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="46"/>
        <source>Unreachable</source>
        <translation>تعذّر الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="52"/>
        <source>Positive</source>
        <translation>إيجابي</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="53"/>
        <source>Negative</source>
        <translation>سلبي</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="54"/>
        <source>Partial</source>
        <translation>جزئي</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="55"/>
        <source>Unclassified</source>
        <translation>غير مصنف</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="62"/>
        <source>without holding the order</source>
        <translation>دون حجز الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="63"/>
        <source>past the attempt limit</source>
        <translation>بعد تجاوز حد المحاولات</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="64"/>
        <source>too soon after the previous call</source>
        <translation>بعد وقت قصير جدًا من المكالمة السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="71"/>
        <source>%1 %2 on %3, %4</source>
        <translation>%1 %2 على %3، %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/wallboard/wallboard_texts.py" line="80"/>
        <source>%n attempt(s) flagged today</source>
        <translation>
            <numerusform>لا توجد محاولة منبَّه عليها اليوم</numerusform>
            <numerusform>محاولة واحدة منبَّه عليها اليوم</numerusform>
            <numerusform>محاولتان منبَّه عليهما اليوم</numerusform>
            <numerusform>%n محاولات منبَّه عليها اليوم</numerusform>
            <numerusform>%n محاولة منبَّه عليها اليوم</numerusform>
            <numerusform>%n محاولة منبَّه عليها اليوم</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="83"/>
        <source>and %1 more</source>
        <translation>و%1 أخرى</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="89"/>
        <source>{name}: call for {elapsed}</source>
        <translation>{name}: في مكالمة منذ {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="91"/>
        <source>{name}: paused for {elapsed}</source>
        <translation>{name}: في استراحة منذ {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="95"/>
        <source>Order {ref} waits for the lead for {elapsed}</source>
        <translation>الطلب {ref} في انتظار رئيس الفريق منذ {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="98"/>
        <source>Order {ref} unconfirmed for {elapsed}</source>
        <translation>الطلب {ref} غير مؤكد منذ {elapsed}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="104"/>
        <source>Complex case</source>
        <translation>حالة معقدة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="105"/>
        <source>Complaint</source>
        <translation>شكاية</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="106"/>
        <source>Special authorisation</source>
        <translation>إذن خاص</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="114"/>
        <source>Only the lead of this order&apos;s team or an admin may do this.</source>
        <translation>هذا الإجراء مقصور على رئيس فريق هذا الطلب أو المسؤول.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="116"/>
        <source>This escalation was already answered or taken over by someone else.</source>
        <translation>سبق أن ردّ شخص آخر على هذا التصعيد أو تولّاه.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="118"/>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="119"/>
        <source>This order no longer exists or is not visible to you.</source>
        <translation>هذا الطلب لم يعد موجودًا أو غير مرئي لك.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="120"/>
        <source>This order is closed.</source>
        <translation>هذا الطلب مغلق.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="121"/>
        <source>The server cannot be reached; try again in a moment.</source>
        <translation>تعذّر الوصول إلى الخادم؛ أعد المحاولة بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="122"/>
        <source>The server did not answer in time; try again.</source>
        <translation>لم يردّ الخادم في الوقت المحدد؛ أعد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="123"/>
        <source>The server failed; try again in a moment.</source>
        <translation>حدث خطأ في الخادم؛ أعد المحاولة بعد قليل.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_texts.py" line="124"/>
        <source>Your session has expired; sign in again.</source>
        <translation>انتهت صلاحية جلستك؛ سجّل الدخول من جديد.</translation>
    </message>
</context>
<context>
    <name>WallboardWindow</name>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="92"/>
        <source>Hatif — Wallboard</source>
        <extracomment>Escalation rows hold two lines (order and customer, agent and reason). Escalation rows shown without scrolling; the panel grows with them up to this. Largest tile scale: a small team gets big tiles, but not absurd ones. How much wider than its scaled size a tile may grow to fill its row. The window was closed (whoever opened it stops the live feed).</extracomment>
        <translation>هاتف — لوحة المتابعة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="134"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="319"/>
        <source>Wallboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="138"/>
        <source>Not live — reconnecting</source>
        <translation>غير مباشر — جارٍ إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="140"/>
        <source>Alert thresholds…</source>
        <translation>عتبات التنبيه…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="142"/>
        <source>Full screen (F11)</source>
        <translation>ملء الشاشة (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="202"/>
        <source>Queue</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="208"/>
        <source>Leases held</source>
        <translation>الطلبات المحجوزة</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="230"/>
        <source>No order is waiting for you.</source>
        <translation>لا يوجد طلب في انتظارك.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="232"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="529"/>
        <source>Answer…</source>
        <translation>رد…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="234"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="530"/>
        <source>Take over</source>
        <translation>تولّي الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="319"/>
        <source>Wallboard — {team}</source>
        <translation>لوحة المتابعة — {team}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="436"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="455"/>
        <source>Reassign order {ref}…</source>
        <translation>إعادة إسناد الطلب {ref}…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="440"/>
        <location filename="../../ui/wallboard/wallboard_window.py" line="459"/>
        <source>Release order {ref}</source>
        <translation>تحرير الطلب {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="444"/>
        <source>Open {name}&apos;s journal for today</source>
        <translation>فتح سجل {name} لهذا اليوم</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="492"/>
        <source>Escalations ({count})</source>
        <translation>التصعيدات ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="493"/>
        <source>Escalations</source>
        <translation>التصعيدات</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="544"/>
        <source>Write an answer for the agent first.</source>
        <translation>اكتب ردًا للوكيل أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/wallboard_window.py" line="563"/>
        <source>The action failed: {message}</source>
        <translation>فشل الإجراء: {message}</translation>
    </message>
</context>
<context>
    <name>WorkspaceStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="33"/>
        <location filename="../../ui/status_bar.py" line="98"/>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="38"/>
        <source>Pause: %1</source>
        <translation>استراحة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54"/>
        <source>break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="55"/>
        <source>lunch</source>
        <translation>غداء</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="56"/>
        <source>training</source>
        <translation>تكوين</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57"/>
        <source>meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="58"/>
        <source>headset unplugged</source>
        <translation>السماعة منفصلة</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="64"/>
        <source>Server online</source>
        <translation>الخادم متصل</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="66"/>
        <source>Server offline since %1</source>
        <translation>الخادم غير متصل منذ %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="68"/>
        <source>Server offline</source>
        <translation>الخادم غير متصل</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="70"/>
        <source>%n action(s) waiting</source>
        <translation>
            <numerusform>لا إجراء في الانتظار</numerusform>
            <numerusform>إجراء واحد في الانتظار</numerusform>
            <numerusform>إجراءان في الانتظار</numerusform>
            <numerusform>%n إجراءات في الانتظار</numerusform>
            <numerusform>%n إجراءً في الانتظار</numerusform>
            <numerusform>%n إجراء في الانتظار</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="79"/>
        <source>Phone ready</source>
        <translation>الهاتف جاهز</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="80"/>
        <source>Phone ready (direct)</source>
        <translation>الهاتف جاهز (مباشر)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="81"/>
        <source>Phone connecting…</source>
        <translation>الهاتف قيد الاتصال…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="82"/>
        <source>Phone not registered</source>
        <translation>الهاتف غير مسجّل</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="83"/>
        <source>Phone off</source>
        <translation>الهاتف متوقف</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="100"/>
        <source>Ringing</source>
        <translation>يرن</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="102"/>
        <source>In call %1</source>
        <translation>في مكالمة %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="104"/>
        <source>Wrap-up %1</source>
        <translation>إنهاء المعالجة %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="106"/>
        <source>Paused (%1) %2</source>
        <translation>في استراحة (%1) %2</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Hatif — %1</source>
        <extracomment>Room left on the screen for the window&apos;s title bar and frame. Claim refusals the order panel already states (the order opens read-only with them).</extracomment>
        <translation>هاتف — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>New order…</source>
        <translation>طلب جديد…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>My profile…</source>
        <translation>ملفي الشخصي…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>&amp;Order</source>
        <translation>&amp;طلب</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Next order</source>
        <translation>الطلب التالي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Write a note</source>
        <translation>كتابة ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Escalate to the team lead…</source>
        <translation>التصعيد إلى رئيس الفريق…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Search the queue</source>
        <translation>البحث في القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Call</source>
        <translation>ا&amp;تصال</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Call</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>Hang up</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>WhatsApp…</source>
        <translation>واتساب…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>SMS…</source>
        <translation>رسالة SMS…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>My day</source>
        <translation>يومي</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Not available on this server yet.</source>
        <translation>غير متاح بعد على هذا الخادم.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;Team</source>
        <translation>&amp;فريق</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Wallboard</source>
        <translation>لوحة المتابعة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>Phone unavailable</source>
        <translation>الهاتف غير متاح</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>The softphone could not start.</source>
        <translation>تعذّر تشغيل الهاتف البرمجي.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>Cancel the order</source>
        <translation>إلغاء الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>Cancel order %1 for the reason “%2”? The customer will not receive it.</source>
        <translation>هل تريد إلغاء الطلب %1 للسبب «%2»؟ لن يستلمه الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>No order is waiting right now.</source>
        <translation>لا يوجد طلب في الانتظار حاليًا.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>This order waits for the team lead&apos;s answer: only a lead can take it.</source>
        <translation>هذا الطلب في انتظار رد رئيس الفريق: لا يأخذه إلا رئيس فريق.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="442"/>
        <source>%1 already holds this order.</source>
        <translation>%1 يعالج هذا الطلب حاليًا.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="445"/>
        <source>You are offline: new orders cannot be taken until the server is back. You can keep working on the orders you already hold.</source>
        <translation>أنت غير متصل: لا يمكن أخذ طلبات جديدة حتى يعود الخادم. يمكنك مواصلة العمل على الطلبات التي بيدك.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>The server did not give you this order.</source>
        <translation>لم يُسند إليك الخادم هذا الطلب.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492"/>
        <source>Headset unplugged</source>
        <translation>السماعة منفصلة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="494"/>
        <source>The headset “%1” disappeared. You are paused until you choose another device or plug it back in.</source>
        <translation>اختفت السماعة «%1». أنت في استراحة حتى تختار جهازًا آخر أو تعيد توصيلها.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Sending the SMS through the gateway…</source>
        <translation>جارٍ إرسال الرسالة القصيرة عبر البوابة…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>Message not sent</source>
        <translation>لم تُرسل الرسالة</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558"/>
        <source>SMS sent through your team&apos;s gateway.</source>
        <translation>أُرسلت الرسالة القصيرة عبر بوابة فريقك.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="563"/>
        <source>No team-lead extension is set: your lead sets it in the team settings.</source>
        <translation>لم يتم تحديد رقم تحويلة رئيس الفريق: يحدده رئيسك في إعدادات الفريق.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="565"/>
        <source>Hang up the current call first.</source>
        <translation>أنهِ المكالمة الجارية أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="566"/>
        <source>Your lead is busy: you are back with the customer.</source>
        <translation>رئيس الفريق مشغول: عدت إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>Your lead did not answer: you are back with the customer.</source>
        <translation>لم يردّ رئيس الفريق: عدت إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="571"/>
        <source>Your lead&apos;s phone cannot be reached: you are back with the customer.</source>
        <translation>تعذّر الوصول إلى هاتف رئيس الفريق: عدت إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
        <source>Your lead hung up: you are back with the customer.</source>
        <translation>أنهى رئيس الفريق المكالمة: عدت إلى الزبون.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>The transfer did not go through: you are still with your lead, the customer on hold.</source>
        <translation>لم يتم التحويل: ما زلت مع رئيس الفريق، والزبون في الانتظار.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>The customer hung up during the consultation.</source>
        <translation>أنهى الزبون المكالمة أثناء التشاور.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="586"/>
        <source>The SMS gateway did not answer in time: the SMS was not sent.</source>
        <translation>لم تستجب بوابة الرسائل القصيرة في الوقت المحدد: لم تُرسل الرسالة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="589"/>
        <source>The SMS gateway cannot be reached: the SMS was not sent.</source>
        <translation>تعذّر الوصول إلى بوابة الرسائل القصيرة: لم تُرسل الرسالة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>The SMS gateway refused the message: it was not sent.</source>
        <translation>رفضت بوابة الرسائل القصيرة الرسالة: لم تُرسل.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="593"/>
        <source>WhatsApp calls are not available on this computer.</source>
        <translation>مكالمات واتساب غير متاحة على هذا الحاسوب.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="601"/>
        <source>WhatsApp could not be opened: no application on this computer opens WhatsApp links. The attempt is in the journal as failed.</source>
        <translation>تعذّر فتح واتساب: لا يوجد تطبيق على هذا الحاسوب يفتح روابط واتساب. سُجّلت المحاولة في السجل كمحاولة فاشلة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="606"/>
        <source>No SMS application on this computer opens the message. The attempt is in the journal as failed.</source>
        <translation>لا يوجد تطبيق رسائل قصيرة على هذا الحاسوب يفتح الرسالة. سُجّلت المحاولة في السجل كمحاولة فاشلة.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>This number cannot receive messages.</source>
        <translation>لا يمكن لهذا الرقم استقبال الرسائل.</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="50"/>
        <source>Wrap-up</source>
        <translation>إنهاء المعالجة</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="63"/>
        <source>Free note for the team (Ctrl+N)</source>
        <extracomment>Asked with the reason before a cancellation goes; the window asks the agent.</extracomment>
        <translation>ملاحظة حرة للفريق (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="65"/>
        <location filename="../../ui/wrapup_panel.py" line="176"/>
        <source>Add note</source>
        <translation>إضافة الملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="68"/>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="70"/>
        <location filename="../../ui/wrapup_panel.py" line="178"/>
        <source>Cancel order</source>
        <translation>إلغاء الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="76"/>
        <location filename="../../ui/wrapup_panel.py" line="182"/>
        <source>Call back</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="95"/>
        <location filename="../../ui/wrapup_panel.py" line="184"/>
        <location filename="../../ui/wrapup_panel.py" line="241"/>
        <source>Unreachable</source>
        <translation>تعذّر الوصول</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="97"/>
        <location filename="../../ui/wrapup_panel.py" line="185"/>
        <location filename="../../ui/wrapup_panel.py" line="242"/>
        <source>Duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="98"/>
        <location filename="../../ui/wrapup_panel.py" line="186"/>
        <location filename="../../ui/wrapup_panel.py" line="243"/>
        <source>Erroneous</source>
        <translation>خاطئ</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="146"/>
        <source>Predefined note…</source>
        <translation>ملاحظة جاهزة…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="150"/>
        <source>Reason for cancelling…</source>
        <translation>سبب الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="172"/>
        <source>Confirm the order (%1)</source>
        <translation>تأكيد الطلب (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="199"/>
        <source>Suggested times…</source>
        <translation>أوقات مقترحة…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="237"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="238"/>
        <source>Confirmation</source>
        <translation>التأكيد</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="239"/>
        <source>Cancellation</source>
        <translation>الإلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="240"/>
        <source>Call-back</source>
        <translation>إعادة الاتصال</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="244"/>
        <source>Start</source>
        <translation>بدء</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="245"/>
        <source>Articles</source>
        <translation>المنتجات</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="246"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="247"/>
        <source>Escalation</source>
        <translation>التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="248"/>
        <source>Answer to the escalation</source>
        <translation>الرد على التصعيد</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="249"/>
        <source>Taking over</source>
        <translation>تولّي الطلب</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="250"/>
        <source>Delivery date</source>
        <translation>تاريخ التوصيل</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="251"/>
        <source>New order</source>
        <translation>طلب جديد</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="252"/>
        <source>Attempt</source>
        <translation>محاولة</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="253"/>
        <source>Extra attempt</source>
        <translation>محاولة إضافية</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="263"/>
        <source>%1 saved, waiting for the server…</source>
        <translation>%1 محفوظة، في انتظار الخادم…</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="265"/>
        <source>%1 accepted by the server.</source>
        <translation>%1: قبلها الخادم.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="268"/>
        <source>%1 not applied: %2</source>
        <translation>%1 لم تُطبَّق: %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="272"/>
        <source>%1 refused by the server: %2</source>
        <translation>%1 رفضها الخادم: %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="298"/>
        <source>Choose a reason for cancelling first.</source>
        <translation>اختر سبب الإلغاء أولًا.</translation>
    </message>
    <message>
        <location filename="../../ui/wrapup_panel.py" line="317"/>
        <source>Choose a call-back time in the future.</source>
        <translation>اختر وقتًا مستقبليًا لإعادة الاتصال.</translation>
    </message>
</context>
</TS>
