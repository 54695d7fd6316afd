; Inno Setup 6 script: the Windows installer for Monitor.
;
; Build on Windows (x64) from the top of the checkout (see packaging/README.md):
;   py -3.11 -m venv build\pack-venv
;   build\pack-venv\Scripts\pip install ".[build]"
;   build\pack-venv\Scripts\pyinstaller --noconfirm --clean packaging\monitor.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\monitor.iss
; -> dist\monitor-0.1.0-windows-x64-setup.exe
;
; dist\monitor\ holds two programs built from the same code (packaging/monitor.spec):
;   monitor-gui.exe  the desktop app, without a console window (the Start-menu entry starts it);
;   monitor.exe      the command line (monitor --version, monitor report ..., monitor verify ...),
;                    for a terminal; started with no arguments it opens the window too.
; The installer installs for the current user by default (no administrator rights, into
; %LOCALAPPDATA%\Programs\Monitor) and offers "all users" (Program Files) when run as administrator.
; Uninstalling removes the program only: vaults and their key files (by default in
; %LOCALAPPDATA%\Monitor) and settings are the user's and are never deleted by the uninstaller.

#define AppId "org.monitor.Monitor"
#define AppName "Monitor"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Dist "..\..\dist\monitor"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Monitor developers
AppCopyright=Monitor developers, GPL-3.0-or-later
VersionInfoVersion={#AppVersion}
VersionInfoDescription=Monitor installer
; per-user by default; an administrator may choose all users in the dialog or with /ALLUSERS
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
; PySide6 6.x needs 64-bit Windows 10 or later
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\icons\monitor.ico
UninstallDisplayIcon={app}\monitor-gui.exe
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=monitor-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an older Monitor that is still running holds its files: ask to close it
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole PyInstaller one-folder output: both programs and _internal\ (Python, Qt, resources)
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that this one no longer ships (the folder is replaced as a whole)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\monitor-gui.exe"; WorkingDir: "{userdocs}"; \
  Comment: "Offline, encrypted case manager for monitoring places of detention"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\monitor-gui.exe"; WorkingDir: "{userdocs}"; \
  AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Run]
Filename: "{app}\monitor-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; nothing beyond what [Files] installed: the user's vaults and settings stay where they are
