# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Get-ChildItem C:\ | Select-Object Name ; `
    Write-Host done
USER ContainerUser
CMD ["powershell", "-File", "C:\\app\\start.ps1"]
